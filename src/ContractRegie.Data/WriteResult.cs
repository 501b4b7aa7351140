namespace ContractRegie.Data;

/// <summary>What became of an update or delete guarded by the row version the writer last read.</summary>
public enum WriteResult
{
    Written,
    NotFound,
    /// <summary>The row changed since the writer read it; nothing was written.</summary>
    Stale,
}
