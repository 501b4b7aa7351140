using System.Data.Common;
using ContractRegie.Core.Spending;

namespace ContractRegie.Data.Spending;

/// <summary>
/// The reconciliation on a day, as the API, the pages, the exports and the nightly job ask for it: the rows
/// <see cref="SpendingRepository"/> reads, computed by <see cref="Reconciliation"/> with the configured declaration lag.
/// </summary>
public sealed class Reconciler(SpendingRepository spending, SpendingOptions options)
{
    public async Task<IReadOnlyList<ReconciliationRow>> ReconcileAsync(ReconciliationFilter filter, DateOnly asOf, DbTransaction? transaction = null) =>
        Reconciliation.Compute(await spending.ReadReconciliationAsync(filter, asOf, options.DeclarationLagDays, transaction), filter);
}
