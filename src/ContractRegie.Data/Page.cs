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
}

public static class Pages
{
    /// <summary>Every page that <paramref name="read"/> returns, <paramref name="pageSize"/> rows at a time, up to the last.</summary>
    public static async IAsyncEnumerable<Page<T>> AllAsync<T>(int pageSize, Func<PageRequest, Task<Page<T>>> read)
    {
        for (var page = 1; ; page++)
        {
            var chunk = await read(new PageRequest(page, pageSize));
            yield return chunk;
            if (page >= chunk.TotalPages)
            {
                yield break;
            }
        }
    }
}
