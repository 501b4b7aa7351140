namespace ContractRegie.Core.Spending;

public enum BudgetLevel { WithinBudget, NearlyExhausted, Exceeded }

/// <summary>
/// Budget against spending for one year (DESIGN.md "Reconciliation"): spent to date, the projection to year end
/// at the run-rate so far, and the exhaustion percentage. Without a budget there is nothing to exhaust.
/// </summary>
public sealed record BudgetPosition(int Year, long? BudgetCents, long SpentCents, long ProjectedCents, decimal? ExhaustionPercent)
{
    /// <summary>
    /// The position on <paramref name="asOf"/>. The run-rate is spending per elapsed day of the year (1 January up to
    /// and including <paramref name="asOf"/>); a year that is over projects to what was spent, and a year that has
    /// not begun projects nothing beyond what is already declared.
    /// </summary>
    public static BudgetPosition Compute(int year, long? budgetCents, long spentCents, DateOnly asOf)
    {
        var first = new DateOnly(year, 1, 1);
        var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
        var elapsed = Math.Clamp(asOf.DayNumber - first.DayNumber + 1, 0, daysInYear);
        var projected = elapsed == 0 || elapsed == daysInYear
            ? spentCents
            : (long)decimal.Round((decimal)spentCents * daysInYear / elapsed, 0, MidpointRounding.AwayFromZero);
        decimal? exhaustion = budgetCents is > 0 ? decimal.Round(spentCents * 100m / budgetCents.Value, 1, MidpointRounding.AwayFromZero) : null;
        return new BudgetPosition(year, budgetCents, spentCents, projected, exhaustion);
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
