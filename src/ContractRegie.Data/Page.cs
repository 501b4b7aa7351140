namespace ContractRegie.Data;

/// <summary>One page of a list: 1-based page number, page size, and the total count for the filter.</summary>
/// <param name="TotalIsExact">
/// False when the list was counted only so far (a search matching much of a large register): then more than
/// <paramref name="TotalCount"/> match, and at least one more page follows this one.
/// </param>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount, bool TotalIsExact = true)
{
    public int TotalPages => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasNext => PageNumber < TotalPages || !TotalIsExact;
}

public readonly record struct PageRequest(int PageNumber, int PageSize)
{
    public const int MaxPageSize = 500;
    public int Offset => (PageNumber - 1) * PageSize;

    /// <summary>The last page whose offset (and end) an int holds, as every engine's paging takes it.</summary>
    public static int LastPage(int pageSize) => int.MaxValue / pageSize;

    /// <summary>
    /// A list page's number from its link, between the first page and <see cref="LastPage"/>: a hand-edited number past
    /// that would wrap the offset around to a negative one, which PostgreSQL refuses.
    /// </summary>
    public static PageRequest Within(int pageNumber, int pageSize) => new(Math.Clamp(pageNumber, 1, LastPage(pageSize)), pageSize);
}

/// <summary>
/// A table read a chunk at a time by key: each chunk is the rows after the last id of the one before, so the hundredth
/// chunk costs what the first does (an offset would sort and skip everything before it) and a row written meanwhile shifts
/// no other into the next chunk or out of the read.
/// </summary>
public static class KeyChunks
{
    /// <summary>The chunks <paramref name="after"/> reads (at most <paramref name="chunkSize"/> rows above an id, in id order) up to the last.</summary>
    public static async IAsyncEnumerable<List<T>> ReadAsync<T>(int chunkSize, Func<long, Task<List<T>>> after, Func<T, long> idOf)
    {
        var afterId = 0L;
        while (true)
        {
            var chunk = await after(afterId);
            if (chunk.Count == 0)
            {
                yield break;
            }
            yield return chunk;
            if (chunk.Count < chunkSize)
            {
                yield break;
            }
            afterId = idOf(chunk[^1]);
        }
    }

    /// <summary>The chunks as pages numbered from 1, each with the total <paramref name="count"/> gives, so a job can report its progress.</summary>
    public static async IAsyncEnumerable<Page<T>> AsPagesAsync<T>(IAsyncEnumerable<List<T>> chunks, int chunkSize, Func<Task<int>> count)
    {
        var total = await count();
        var number = 1;
        await foreach (var chunk in chunks)
        {
            yield return new Page<T>(chunk, number++, chunkSize, total);
        }
    }
}
