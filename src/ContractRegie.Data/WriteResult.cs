using System.Data;

namespace ContractRegie.Data;

/// <summary>What became of an update or delete guarded by the row version the writer last read.</summary>
public enum WriteResult
{
    Written,
    NotFound,
    /// <summary>The row changed since the writer read it; nothing was written.</summary>
    Stale,
}

public static class WriteResults
{
    /// <summary>
    /// For a writer that read the row in its own transaction (an import): a row changed or removed by someone else in
    /// between fails the whole transaction rather than being reported as written.
    /// </summary>
    public static async Task Written(this Task<WriteResult> write)
    {
        if (await write is var result and not WriteResult.Written)
        {
            throw new DBConcurrencyException($"The row was changed by someone else during the write ({result}).");
        }
    }
}
