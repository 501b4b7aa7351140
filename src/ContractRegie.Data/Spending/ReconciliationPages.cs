using ContractRegie.Core.Spending;

namespace ContractRegie.Data.Spending;

/// <summary>One page of the reconciliation, with the count and totals of every row it leaves in.</summary>
public sealed record ReconciliationPage(Page<ReconciliationRow> Rows, BudgetPosition Totals);

/// <summary>
/// The reconciliation as a list reads it: one page of it in an order, counted and totalled; or all of it, for an export.
/// A contract's or a provider's rows are read at once; the whole year a chunk of providers at a time
/// (<see cref="Reconciler.ReconcileYearByProvidersAsync"/>), so memory holds a chunk, the page and, per law or
/// municipality, the groups, however large the register. The chunks are read in one transaction that writes nothing.
/// </summary>
public sealed class ReconciliationPages(Database database, Reconciler reconciler)
{
    /// <param name="keep">The rows the list shows; all of them when null.</param>
    /// <param name="order">The list's order; <see cref="Reconciliation.Order"/> when null.</param>
    public async Task<ReconciliationPage> ReadAsync(ReconciliationFilter filter, DateOnly asOf, PageRequest page,
        Func<ReconciliationRow, bool>? keep = null, IComparer<ReconciliationRow>? order = null, int providersPerChunk = Reconciler.ProvidersPerChunk)
    {
        var builder = new ReconciliationPageBuilder(filter.Year, keep ?? (_ => true), order ?? Reconciliation.Order, page.Offset + page.PageSize);
        await GatherAsync(filter, asOf, builder, providersPerChunk);
        return new ReconciliationPage(new Page<ReconciliationRow>(builder.From(page.Offset), page.PageNumber, page.PageSize, builder.Count),
            builder.Totals);
    }

    /// <summary>
    /// Every row of <paramref name="filter"/> in <see cref="Reconciliation.Order"/>, as an export writes them: memory holds the
    /// rows and one chunk of what they are computed from, not the whole year's ceilings, totals and tariffs.
    /// </summary>
    public async Task<IReadOnlyList<ReconciliationRow>> ReadAllAsync(ReconciliationFilter filter, DateOnly asOf,
        int providersPerChunk = Reconciler.ProvidersPerChunk)
    {
        var builder = new ReconciliationPageBuilder(filter.Year, _ => true, Reconciliation.Order, int.MaxValue);
        await GatherAsync(filter, asOf, builder, providersPerChunk);
        return builder.From(0);
    }

    private Task GatherAsync(ReconciliationFilter filter, DateOnly asOf, ReconciliationPageBuilder builder, int providersPerChunk) =>
        database.InReadTransactionAsync(async transaction =>
        {
            if (filter.ContractId is not null || filter.ProviderId is not null)
            {
                builder.Add(await reconciler.ReconcileAsync(filter, asOf, transaction));
            }
            else if (filter.GroupBy is ReconciliationGrouping.Contract or ReconciliationGrouping.Provider)
            {
                await foreach (var chunk in reconciler.ReconcileYearByProvidersAsync(filter, asOf, transaction, providersPerChunk))
                {
                    builder.Add(chunk.Reconciled.Rows);
                }
            }
            else
            {
                IReadOnlyList<ReconciliationRow> groups = [];
                await foreach (var chunk in reconciler.ReconcileYearByProvidersAsync(filter, asOf, transaction, providersPerChunk))
                {
                    groups = Reconciliation.Regroup(groups.Concat(chunk.Reconciled.Rows), filter.GroupBy);
                }
                builder.Add(groups);
            }
        });
}
