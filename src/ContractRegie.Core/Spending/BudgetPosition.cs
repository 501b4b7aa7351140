namespace ContractRegie.Core.Spending;

public enum BudgetLevel { WithinBudget, NearlyExhausted, Exceeded }

/// <summary>
/// Budget against spending for one year (DESIGN.md "Reconciliation"): spent to date, the projection to year end
/// (<see cref="RunRate"/>), the exhaustion percentage, and what allocations still commit (<see cref="AllocationCommitment"/>).
/// Without a budget there is nothing to exhaust and no room.
/// </summary>
public sealed record BudgetPosition(int Year, long? BudgetCents, long SpentCents, long ProjectedCents, decimal? ExhaustionPercent, long CommittedCents = 0)
{
    /// <summary>Budget − spent − committed: what can still be allocated this year.</summary>
    public long? RoomCents => BudgetCents is { } budget ? budget - SpentCents - CommittedCents : null;

    /// <summary>
    /// The position on <paramref name="asOf"/> of spending over the whole year with every declaration in: the run-rate
    /// is spending per elapsed day of the year (1 January up to and including <paramref name="asOf"/>).
    /// </summary>
    public static BudgetPosition Compute(int year, long? budgetCents, long spentCents, DateOnly asOf) =>
        Of(year, budgetCents, spentCents, RunRate.WholeYear(year, asOf).Project(spentCents, spentCents));

    public static BudgetPosition Of(int year, long? budgetCents, long spentCents, long projectedCents, long committedCents = 0)
    {
        decimal? exhaustion = budgetCents is > 0 ? decimal.Round(spentCents * 100m / budgetCents.Value, 1, MidpointRounding.AwayFromZero) : null;
        return new BudgetPosition(year, budgetCents, spentCents, projectedCents, exhaustion, committedCents);
    }

    /// <summary>Exceeded when more is spent than budgeted; nearly exhausted from <paramref name="nearlyExhaustedPercent"/> on.</summary>
    public BudgetLevel Level(decimal nearlyExhaustedPercent) => BudgetCents switch
    {
        null or <= 0 => BudgetLevel.WithinBudget,
        var budget when SpentCents > budget => BudgetLevel.Exceeded,
        var budget when SpentCents * 100m >= nearlyExhaustedPercent * budget => BudgetLevel.NearlyExhausted,
        _ => BudgetLevel.WithinBudget,
    };
}
