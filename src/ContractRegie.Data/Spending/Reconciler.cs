using System.Data.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Jobs;

namespace ContractRegie.Data.Spending;

/// <summary>
/// The reconciliation on a day, as the API, the pages, the exports and the nightly job ask for it: the rows
/// <see cref="ReconciliationReader"/> reads, computed by <see cref="Reconciliation"/> with the configured declaration lag.
/// </summary>
public sealed class Reconciler(ReconciliationReader reads, SpendingOptions options)
{
    /// <summary>
    /// Providers per chunk of <see cref="ReconcileYearByProvidersAsync"/>: about 20,000 contracts of a national register. Each
    /// chunk's statements read their tables once, so smaller chunks cost time: the nightly run over 100,000 contracts took
    /// 4.5 s with chunks of 5,000 providers (92 MB managed at the peak) and 7.3 s with chunks of 1,000 (58 MB), where the whole
    /// year at once took 5.4 s and 275 MB; 3.5 s with chunks of 5,000 once the spending totals were read once per pass.
    /// </summary>
    public const int ProvidersPerChunk = 5_000;

    public async Task<IReadOnlyList<ReconciliationRow>> ReconcileAsync(ReconciliationFilter filter, DateOnly asOf, DbTransaction? transaction = null) =>
        Reconciliation.Compute(await reads.ReadAsync(filter, asOf, options.DeclarationLagDays, transaction), filter);

    /// <summary>The providers' rows in <paramref name="filter"/>'s year, restricted and grouped as it says.</summary>
    public async Task<ReconciledProviders> ReconcileAsync(ReconciliationFilter filter, ProviderRange providers, DateOnly asOf, DbTransaction transaction,
        ILookup<long, ContractSpending>? yearSpent = null) =>
        new(providers, Reconciliation.Compute(
            await reads.ReadAsync(filter.Year, providers, asOf, options.DeclarationLagDays, transaction, yearSpent), filter));

    /// <summary>
    /// The whole year of <paramref name="filter"/>, a chunk of providers at a time: all a provider's contracts, allocations
    /// and commitments fall in its chunk, so the chunks together are the year's rows and memory holds one chunk, however
    /// large the register, besides the year's spending totals, read once (<see cref="ReconciliationReader.ReadSpentAsync"/>).
    /// Rows per contract or provider are whole in their chunk; a group per law or municipality spans chunks, and their rows
    /// add up (<see cref="Reconciliation.Regroup"/>).
    /// </summary>
    public async IAsyncEnumerable<ReconciledChunk> ReconcileYearByProvidersAsync(ReconciliationFilter filter, DateOnly asOf, DbTransaction transaction,
        int providersPerChunk = ProvidersPerChunk)
    {
        var yearSpent = await reads.ReadSpentAsync(filter.Year, asOf, options.DeclarationLagDays, transaction);
        var done = 0;
        await foreach (var ids in reads.ProviderIdChunksAsync(providersPerChunk, transaction))
        {
            done += ids.Items.Count;
            yield return new ReconciledChunk(await ReconcileAsync(filter, new ProviderRange(ids.Items[0], ids.Items[^1]), asOf, transaction, yearSpent),
                new JobProgressCount(done, ids.TotalCount));
        }
    }
}

/// <summary>A chunk of <see cref="Reconciler.ReconcileYearByProvidersAsync"/>, with how many of the register's providers the chunks so far hold.</summary>
public sealed record ReconciledChunk(ReconciledProviders Reconciled, JobProgressCount Providers);

/// <summary>The reconciliation rows per contract and municipality of the contracts of <see cref="Providers"/>.</summary>
public sealed record ReconciledProviders(ProviderRange Providers, IReadOnlyList<ReconciliationRow> Rows);
