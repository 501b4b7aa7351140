namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>A clock that stands still at a chosen instant, so "today" in a test is a fact of the test.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
