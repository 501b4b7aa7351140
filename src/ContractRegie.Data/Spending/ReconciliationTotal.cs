using ContractRegie.Core.Spending;

namespace ContractRegie.Data.Spending;

/// <summary>Several reconciliation rows added up into one budget position: the total of a list, or a contract over its municipalities.</summary>
public static class ReconciliationTotal
{
    /// <summary>Without any budget among the rows there is nothing to exhaust; with some, the rows without one add only spending.</summary>
    public static BudgetPosition Of(IReadOnlyCollection<ReconciliationRow> rows, int year, DateOnly asOf) =>
        BudgetPosition.Compute(year, rows.Any(r => r.BudgetCents is not null) ? rows.Sum(r => r.BudgetCents ?? 0) : null, rows.Sum(r => r.SpentCents), asOf);
}
