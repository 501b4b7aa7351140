namespace ContractRegie.Core.Spending;

/// <summary>
/// Reconciliation rows added up into one budget position, a row at a time. Without any budget among the rows there is nothing
/// to exhaust; with some, the rows without one add only spending.
/// </summary>
public sealed class ReconciliationTotal(int year)
{
    private long? _budgetCents;
    private long _spentCents;
    private long _projectedCents;
    private long _committedCents;

    public void Add(ReconciliationRow row)
    {
        if (row.BudgetCents is { } budget)
        {
            _budgetCents = (_budgetCents ?? 0) + budget;
        }
        _spentCents += row.SpentCents;
        _projectedCents += row.ProjectedCents;
        _committedCents += row.CommittedCents;
    }

    public BudgetPosition Position => BudgetPosition.Of(year, _budgetCents, _spentCents, _projectedCents, _committedCents);
}
