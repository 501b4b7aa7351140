using System.Data.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Sql.Spending;
using Dapper;

namespace ContractRegie.Data.Spending;

/// <summary>
/// What the reconciliation reads, apart from the rest of spending: it needs no contract repository, so the kept budget
/// positions it feeds can be recomputed by a contract's own write.
/// </summary>
public sealed class ReconciliationReader(Database database)
{
    /// <summary>
    /// What <see cref="Reconciliation.Compute"/> needs for the filter's year on <paramref name="asOf"/>, as the
    /// database adds it up: spending per contract and municipality (never the lines themselves), the year's budget
    /// ceilings, the allocations that still run, and the contracts with their tariffs and share keys. A filter on a
    /// contract or a provider reads only that provider's contracts (<see cref="ReconciliationSql"/>).
    /// </summary>
    public Task<ReconciliationInput> ReadAsync(ReconciliationFilter filter, DateOnly asOf, int declarationLagDays,
        DbTransaction? transaction = null) =>
        database.RunAsync(transaction, async c =>
        {
            if (filter.ProviderId is null && filter.ContractId is null)
            {
                return await ReadAsync(c, filter.Year, null, asOf, declarationLagDays, transaction);
            }
            // An unknown contract leaves the provider null, which matches no row.
            var providerId = filter.ProviderId ?? await c.ExecuteScalarAsync<long?>(ReconciliationSql.ProviderOfContract,
                new { filter.ContractId }, transaction);
            return await ReadAsync(c, filter.Year, new ProviderRange(providerId, providerId), asOf, declarationLagDays, transaction);
        });

    /// <summary>
    /// What the reconciliation of a year reads for the providers with ids <paramref name="providers"/>: a chunk of the year.
    /// Their spending comes from <paramref name="yearSpent"/> when a pass over the year has read it (<see cref="ReadSpentAsync"/>).
    /// </summary>
    public Task<ReconciliationInput> ReadAsync(int year, ProviderRange providers, DateOnly asOf, int declarationLagDays,
        DbTransaction transaction, ILookup<long, ContractSpending>? yearSpent = null) =>
        ReadAsync(transaction.Connection!, year, providers, asOf, declarationLagDays, transaction, yearSpent);

    /// <summary>
    /// The year's spending per contract and municipality, for a pass over the year a chunk at a time. The totals are one
    /// table keyed by contract, so a chunk's own read of them passes the whole table again: at national size 0.2–0.5 s a
    /// chunk, where the year at once takes 0.8 s. Held for the pass: about 100 bytes per contract and municipality spent on.
    /// </summary>
    public async Task<ILookup<long, ContractSpending>> ReadSpentAsync(int year, DateOnly asOf, int declarationLagDays, DbTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<ContractSpending>(ReconciliationSql.Spent(providers: false),
            Parameters(year, asOf, declarationLagDays, new ProviderRange(null, null)), transaction)).ToLookup(spent => spent.ContractId);

    /// <summary>The ids of every provider, <paramref name="chunkSize"/> at a time in id order.</summary>
    public IAsyncEnumerable<Page<long>> ProviderIdChunksAsync(int chunkSize, DbTransaction transaction)
    {
        var connection = transaction.Connection!;
        var chunks = KeyChunks.ReadAsync(chunkSize, async afterId => (await connection.QueryAsync<long>(
            ReconciliationSql.ProviderIdsAfter(database.Dialect), new { AfterId = afterId, Offset = 0, Limit = chunkSize }, transaction)).AsList(), id => id);
        return KeyChunks.AsPagesAsync(chunks, chunkSize, () => connection.ExecuteScalarAsync<int>(ReconciliationSql.ProviderCount, transaction: transaction));
    }

    private static async Task<ReconciliationInput> ReadAsync(DbConnection c, int year, ProviderRange? providers, DateOnly asOf,
        int declarationLagDays, DbTransaction? transaction, ILookup<long, ContractSpending>? yearSpent = null)
    {
        var some = providers is not null;
        var scope = providers ?? new ProviderRange(null, null);
        var parameters = Parameters(year, asOf, declarationLagDays, scope);
        var contracts = (await c.QueryAsync<ReconciledContract>(ReconciliationSql.Contracts(some), parameters, transaction)).AsList();
        var budgets = (await c.QueryAsync<BudgetCeiling>(ReconciliationSql.Budgets(some), parameters, transaction)).AsList();
        var spent = yearSpent is not null
            ? [.. contracts.SelectMany(contract => yearSpent[contract.Id])]
            : (await c.QueryAsync<ContractSpending>(ReconciliationSql.Spent(some), parameters, transaction)).AsList();
        var allocations = (await c.QueryAsync<Allocation>(ReconciliationSql.Allocations(some), parameters, transaction)).AsList();
        // The tariffs only price what allocations still commit: without one running, they are not read.
        var tariffs = allocations.Count == 0 ? [] : (await c.QueryAsync<TariffLine>(ReconciliationSql.Tariffs(some), parameters, transaction)).AsList();
        return new ReconciliationInput(year, asOf, declarationLagDays, contracts, budgets, spent, allocations, tariffs,
            await BudgetShareKeyRepository.ReadForReconciliationAsync(c, some, parameters, transaction));
    }

    /// <summary>Every value the reconciliation's statements bind; Dapper sends each statement only those it names.</summary>
    private static object Parameters(int year, DateOnly asOf, int declarationLagDays, ProviderRange scope) => new
    {
        Year = year, AsOf = asOf, YearEnd = new DateOnly(year, 12, 31), ObservedUpTo = asOf.AddDays(-declarationLagDays),
        scope.FirstProviderId, scope.LastProviderId,
    };
}
