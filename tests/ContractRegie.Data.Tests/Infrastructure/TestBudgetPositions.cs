using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Spending;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>The budget positions that the importers, the budget ceilings and the share keys keep, over a test database on <paramref name="clock"/>'s day.</summary>
internal static class TestBudgetPositions
{
    public static BudgetPositions On(Database database, TimeProvider clock) =>
        new(database, new Reconciler(new ReconciliationReader(database), new SpendingOptions()), clock);
}
