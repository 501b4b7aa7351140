namespace ContractRegie.Core.Security;

/// <summary>
/// Locks an account for a while after repeated wrong passwords, so guessing is slow even when the
/// attempts come from many addresses (the rate limiter only slows one address).
/// </summary>
public static class SignInLockout
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    public static bool IsLocked(DateTimeOffset? lockedUntil, DateTimeOffset now) => lockedUntil is { } until && until > now;

    /// <summary>After a wrong password: the new failure count, and until when the account is locked (if it now is).</summary>
    public static (int FailedAttempts, DateTimeOffset? LockedUntil) AfterFailure(int failedAttempts, DateTimeOffset now)
    {
        var failures = failedAttempts + 1;
        return failures >= MaxFailedAttempts ? (0, now + LockDuration) : (failures, null);
    }
}
