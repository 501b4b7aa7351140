using Dapper;

namespace ContractRegie.Data.Audit;

/// <summary>
/// A written row's <c>updated_at</c>: its SQL sets <c>updated_at = @UpdatedAt</c> and the writer passes the instant of the write's
/// audit entry (<see cref="AuditTrail.Now"/>), so the row and the trail tell the same time.
/// </summary>
public static class UpdatedAtStamp
{
    /// <summary>
    /// <paramref name="parameters"/> with <c>@UpdatedAt</c>, over any <c>UpdatedAt</c> they carry (a row passed as its own
    /// parameters brings the value it was read with).
    /// </summary>
    public static DynamicParameters On(object parameters, DateTimeOffset now)
    {
        var stamped = new DynamicParameters(parameters);
        stamped.Add("UpdatedAt", now);
        return stamped;
    }
}
