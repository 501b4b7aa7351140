using System.Data.Common;
using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Spending;
using Dapper;

namespace ContractRegie.Data.Spending;

/// <summary>One budget of the year as Financiën's start page ranks it: a contract's ceiling for a municipality and what is spent of it.</summary>
public sealed record BudgetExhaustion
{
    public long ContractId { get; init; }
    public string ContractNumber { get; init; } = "";
    public long ProviderId { get; init; }
    public string ProviderName { get; init; } = "";
    public string MunicipalityCode { get; init; } = "";
    public long BudgetCents { get; init; }
    public long SpentCents { get; init; }
    public decimal ExhaustionPercent { get; init; }
}

/// <summary>
/// The current year's budget positions (budget, spent and exhaustion per contract and municipality, as
/// <see cref="Reconciliation"/> computes them), kept so the most exhausted are read through an index instead of
/// reconciling the whole register's year on every visit. The first read of a year computes them all; the nightly
/// reconciliation replaces them; a spending import computes its providers' again in its transaction, and a change to a
/// contract's budget ceilings, share key or kind computes that contract's again in the transaction of the change. Only
/// what the spending and the budgets decide is kept: the projection and the commitments change by the day and are
/// computed where shown.
/// </summary>
public sealed class BudgetPositions(Database database, Reconciler reconciler, TimeProvider time)
{
    /// <summary>
    /// Up to this many providers an import's positions are computed per provider. One provider's reconciliation reads only
    /// its own rows (tens of milliseconds at most); the whole year took 0.3 s at 4,200 contracts and 4–6 s at 100,000.
    /// </summary>
    public const int ProvidersOneByOne = 10;

    /// <summary>The <paramref name="count"/> most exhausted budgets of this year.</summary>
    public async Task<IReadOnlyList<BudgetExhaustion>> MostExhaustedAsync(int count)
    {
        var year = time.Today().Year;
        if (!await IsComputedAsync(year))
        {
            await ComputeYearAsync();
        }
        return await database.RunAsync<IReadOnlyList<BudgetExhaustion>>(null, async c =>
            (await c.QueryAsync<BudgetExhaustion>(BudgetPositionSql.MostExhausted(database.Dialect), new { Year = year, Offset = 0, Limit = count })).AsList());
    }

    /// <summary>
    /// Before the year's positions are written chunk by chunk (<see cref="ReplaceAsync"/>): a year not kept yet (a new
    /// year) starts empty, without the years before it, and is marked as kept; a kept year is locked for the transaction.
    /// Of two at once, the second's mark waits for the first and is then refused as a duplicate.
    /// </summary>
    public async Task StartYearAsync(int year, DbTransaction transaction)
    {
        if (await LockYearAsync(year, transaction))
        {
            return;
        }
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(BudgetPositionSql.DeleteAll, transaction: transaction);
        await connection.ExecuteAsync(BudgetPositionSql.DeleteYears, transaction: transaction);
        await connection.ExecuteAsync(BudgetPositionSql.InsertYear, new { Year = year }, transaction);
    }

    /// <summary>
    /// Keeps <paramref name="reconciled"/>, the year's reconciliation of some providers' contracts, as their positions. Only
    /// what differs is written, so the nightly run after a day without changes writes nothing (writing all 200,365 positions
    /// of 100,000 contracts again took 2.4 s of the run). When more than a quarter differs (a new year, an export naming
    /// every provider) the providers' positions are all written anew, which is then cheaper than row by row.
    /// </summary>
    public async Task ReplaceAsync(int year, ReconciledProviders reconciled, DbTransaction transaction)
    {
        var connection = transaction.Connection!;
        var scope = new { Year = year, reconciled.Providers.FirstProviderId, reconciled.Providers.LastProviderId };
        var positions = Positions(reconciled.Rows).ToList();
        var kept = (await connection.QueryAsync<Position>(BudgetPositionSql.OfProvidersInYear, scope, transaction))
            .ToDictionary(position => (position.ContractId, position.MunicipalityCode));
        var changed = positions.Where(position => !kept.Remove((position.ContractId, position.MunicipalityCode), out var before) || before != position)
            .ToList();
        // What is left of the kept ones has no budget any more.
        if ((changed.Count + kept.Count) * 4 <= positions.Count)
        {
            foreach (var chunk in changed.Concat(kept.Values).Chunk(database.Dialect.BulkInsertRows))
            {
                await connection.ExecuteAsync(BudgetPositionSql.DeleteRows(chunk.Length),
                    SqlRows.Bind(chunk.Select(position => new { position.Year, position.ContractId, position.MunicipalityCode })), transaction);
            }
            await database.Dialect.InsertRowsAsync(transaction, BudgetPositionSql.InsertRows, changed);
            return;
        }
        await connection.ExecuteAsync(BudgetPositionSql.DeleteProviders, scope, transaction);
        await database.Dialect.InsertRowsAsync(transaction, BudgetPositionSql.InsertRows, positions);
    }

    /// <summary>
    /// After a spending import, once its totals are written, if the year is kept (if not, its first read computes it): the
    /// positions of the providers the import spent this year on. A declaration (WMO323, JW323) is one provider's, quickly
    /// done; for an export of the financial administration, which names most providers, the whole year at once is
    /// cheaper than provider by provider.
    /// </summary>
    public async Task RecomputeAfterImportAsync(long importId, DbTransaction transaction)
    {
        var today = time.Today();
        if (!await LockYearAsync(today.Year, transaction))
        {
            return;
        }
        var providers = (await transaction.Connection!.QueryAsync<long>(BudgetPositionSql.ProvidersOfImport,
            new { ImportId = importId, today.Year }, transaction)).AsList();
        if (providers.Count > ProvidersOneByOne)
        {
            await RecomputeYearAsync(today, transaction);
            return;
        }
        foreach (var providerId in providers)
        {
            await ReplaceAsync(today.Year, await reconciler.ReconcileAsync(new ReconciliationFilter(today.Year), new ProviderRange(providerId, providerId), today, transaction),
                transaction);
        }
    }

    /// <summary>After a change to a contract's budget ceilings, share key or kind: that contract's positions again, if the year is kept.</summary>
    public async Task RecomputeContractAsync(long contractId, DbTransaction transaction)
    {
        var today = time.Today();
        if (!await LockYearAsync(today.Year, transaction))
        {
            return;
        }
        await transaction.Connection!.ExecuteAsync(BudgetPositionSql.DeleteContract, new { today.Year, ContractId = contractId }, transaction);
        await database.Dialect.InsertRowsAsync(transaction, BudgetPositionSql.InsertRows,
            Positions(await reconciler.ReconcileAsync(new ReconciliationFilter(today.Year, ContractId: contractId), today, transaction)));
    }

    /// <summary>The year's first read computes it; of two at once, one does, and the other's refused year mark is caught.</summary>
    private async Task ComputeYearAsync()
    {
        try
        {
            await database.InTransactionAsync(transaction => RecomputeYearAsync(time.Today(), transaction));
        }
        catch (DbException exception) when (database.Dialect.IsConstraintViolation(exception))
        {
        }
    }

    private async Task RecomputeYearAsync(DateOnly today, DbTransaction transaction)
    {
        await foreach (var _ in RecomputeYearByProvidersAsync(today, transaction))
        {
        }
    }

    /// <summary>
    /// This year's reconciliation a chunk of providers at a time (<see cref="Reconciler.ReconcileYearByProvidersAsync"/>),
    /// each chunk kept as positions (<see cref="ReplaceAsync"/>) before it is handed on, for the nightly job to raise its signals
    /// from.
    /// </summary>
    public async IAsyncEnumerable<ReconciledChunk> RecomputeYearByProvidersAsync(DateOnly today, DbTransaction transaction)
    {
        await StartYearAsync(today.Year, transaction);
        await foreach (var chunk in reconciler.ReconcileYearByProvidersAsync(new ReconciliationFilter(today.Year), today, transaction))
        {
            await ReplaceAsync(today.Year, chunk.Reconciled, transaction);
            yield return chunk;
        }
    }

    private Task<bool> IsComputedAsync(int year) =>
        database.RunAsync(null, async c => await c.ExecuteScalarAsync<int>(BudgetPositionSql.YearIsComputed, new { Year = year }) > 0);

    /// <summary>
    /// Whether the year is kept, and if so its lock (<see cref="BudgetPositionSql.LockYear"/>) until the transaction ends: a
    /// budget changed while the nightly run or a large import writes the year waits for it, then writes over what it wrote.
    /// </summary>
    private static async Task<bool> LockYearAsync(int year, DbTransaction transaction) =>
        await transaction.Connection!.ExecuteAsync(BudgetPositionSql.LockYear, new { Year = year }, transaction) > 0;

    /// <summary>A budget without an amount has nothing to exhaust and is not ranked.</summary>
    private static IEnumerable<Position> Positions(IEnumerable<ReconciliationRow> rows) =>
        rows.Where(row => row.ExhaustionPercent is not null).Select(row => new Position
        {
            Year = row.Year, ContractId = row.ContractId!.Value, MunicipalityCode = row.MunicipalityCode!, BudgetCents = row.BudgetCents!.Value,
            SpentCents = row.SpentCents, ExhaustionPercent = row.ExhaustionPercent!.Value,
        });

    /// <summary>A row of budget_position.</summary>
    private sealed record Position
    {
        public int Year { get; init; }
        public long ContractId { get; init; }
        public string MunicipalityCode { get; init; } = "";
        public long BudgetCents { get; init; }
        public long SpentCents { get; init; }
        public decimal ExhaustionPercent { get; init; }
    }
}
