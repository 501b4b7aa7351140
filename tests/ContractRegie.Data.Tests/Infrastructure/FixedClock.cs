namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>A clock a test sets: "now" is a fact of the test, and may be moved.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
