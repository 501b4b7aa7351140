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
