using ContractRegie.Data.Audit;
using ContractRegie.Data.Spending;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>
/// Base of the repository contract tests: written once against <see cref="Data.Database"/>, subclassed per engine
/// with that engine's <see cref="TestDatabase"/> (one fresh database per concrete test class). Tests in one class
/// share the database, so each test makes its own rows, unique through <see cref="Unique"/>, and filters on them.
/// </summary>
public abstract class EngineTests<TDatabase>(TDatabase testDatabase) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    protected TDatabase TestDatabase { get; } = testDatabase;
    protected Database Database => TestDatabase.Database;
    protected AuditTrail Audit => new(Database, new FixedActor("test"), new FixedClock(WrittenAt));
    /// <summary>When the writes through <see cref="Audit"/> happen: their audit entries' time and the rows' <c>UpdatedAt</c>.</summary>
    protected static readonly DateTimeOffset WrittenAt = new(2025, 6, 1, 9, 30, 15, 125, TimeSpan.Zero);
    /// <summary>The day contracts are read on (their status is computed for it): within TestData's default contract term.</summary>
    protected static FixedClock ContractDay => new(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero));
    /// <summary>The kept budget positions of <see cref="ContractDay"/>'s year, as the budget and spending writes keep them.</summary>
    protected BudgetPositions Positions => TestBudgetPositions.On(Database, ContractDay);
}
