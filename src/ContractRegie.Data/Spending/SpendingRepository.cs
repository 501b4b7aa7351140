using System.Data.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Import;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Contracts;
using ContractRegie.Data.Sql.Spending;
using Dapper;

namespace ContractRegie.Data.Spending;

/// <summary>Reads and writes of the spending tables. The bulk write of lines is <see cref="ISpendingLineWriter"/>.</summary>
public sealed class SpendingRepository(Database database, ContractRepository contracts)
{
    /// <summary>
    /// The statements that mark and total a whole import grow with its lines: at millions of lines they can outlast the
    /// drivers' 30 s default while the import, already written, waits for them. Ten minutes fails a stuck import, not a large one.
    /// </summary>
    private const int WholeImportSeconds = 600;

    public Task<SpendingImport?> ReadImportByHashAsync(string fileHash, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<SpendingImport>(SpendingSql.ImportByHash, new { FileHash = fileHash }, transaction));

    public Task<long> InsertImportAsync(string fileHash, SpendingSource source, string? fileName, string importedBy, DateTimeOffset importedAt,
        DbTransaction transaction) =>
        transaction.Connection!.ExecuteScalarAsync<long>(SpendingSql.InsertImport + ";\n" + database.Dialect.SelectInsertedId,
            new { FileHash = fileHash, Source = source, FileName = fileName, ImportedBy = importedBy, ImportedAt = importedAt }, transaction);

    public Task UpdateImportCountsAsync(long id, int linesRead, int linesImported, int exceptionCount, long totalCents, DbTransaction transaction) =>
        transaction.Connection!.ExecuteAsync(SpendingSql.UpdateImportCounts,
            new { Id = id, LinesRead = linesRead, LinesImported = linesImported, ExceptionCount = exceptionCount, TotalCents = totalCents }, transaction);

    /// <summary>The import that brought this declaration in before, with when; null when the number is new for the provider.</summary>
    public Task<EarlierDeclaration?> ReadDeclarationAsync(string providerAgbCode, string declarationNumber, DbTransaction transaction) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<EarlierDeclaration>(SpendingSql.DeclarationByNumber,
            new { ProviderAgbCode = providerAgbCode, DeclarationNumber = declarationNumber }, transaction);

    public Task InsertDeclarationAsync(long importId, DeclarationHeader declaration, DbTransaction transaction) =>
        transaction.Connection!.ExecuteAsync(SpendingSql.InsertDeclaration, new
        {
            ImportId = importId, declaration.ProviderAgbCode, declaration.DeclarationNumber, declaration.MunicipalityCode,
            declaration.PeriodStart, declaration.PeriodEnd, TotalCents = declaration.SignedTotalCents,
        }, transaction);

    public Task<long> ReadMaxLineIdAsync(DbTransaction transaction) =>
        transaction.Connection!.ExecuteScalarAsync<long>(SpendingSql.MaxLineId, transaction: transaction);

    /// <summary>
    /// Adds this import's lines (ids above <paramref name="afterId"/>) to the totals the reconciliation and the rechtmatigheid
    /// read; call it after the exception marks.
    /// </summary>
    public async Task AddTotalsAsync(long importId, long afterId, DbTransaction transaction)
    {
        var import = new { ImportId = importId, AfterId = afterId };
        await transaction.Connection!.ExecuteAsync(SpendingSql.AddTotals, import, transaction, WholeImportSeconds);
        await transaction.Connection!.ExecuteAsync(SpendingSql.AddLawfulnessTotals, import, transaction, WholeImportSeconds);
    }

    /// <summary>Flags this import's lines of invoices an earlier import holds; returns how many lines.</summary>
    public async Task<int> MarkDuplicateNumbersAsync(long importId, long afterId, string reason, DbTransaction transaction)
    {
        var connection = transaction.Connection!;
        var invoices = await connection.QueryAsync<(string ProviderAgbCode, string DeclarationNumber)>(SpendingSql.DuplicateNumbers,
            new { ImportId = importId, AfterId = afterId }, transaction, WholeImportSeconds);
        var marked = 0;
        foreach (var chunk in invoices.Chunk(database.Dialect.BulkInsertRows))
        {
            marked += await connection.ExecuteAsync(SpendingSql.MarkDuplicateNumberRows(chunk.Length), SqlRows.Bind(chunk.Select(invoice =>
                new { invoice.ProviderAgbCode, invoice.DeclarationNumber, ImportId = importId, AfterId = afterId, Reason = reason })), transaction,
                WholeImportSeconds);
        }
        return marked;
    }

    /// <summary>Flags this import's credits that reverse no line of the same client, product, period and amount; returns how many.</summary>
    public Task<int> MarkUnmatchedCreditsAsync(long importId, long afterId, string reason, DbTransaction transaction) =>
        transaction.Connection!.ExecuteAsync(SpendingSql.MarkUnmatchedCredits, new { ImportId = importId, AfterId = afterId, Reason = reason }, transaction,
            WholeImportSeconds);

    /// <summary>Flags this import's debet lines whose client, product and period were declared before; returns how many.</summary>
    public Task<int> MarkDuplicateClientPeriodsAsync(long importId, long afterId, string reason, DbTransaction transaction) =>
        transaction.Connection!.ExecuteAsync(SpendingSql.MarkDuplicateClientPeriods, new { ImportId = importId, AfterId = afterId, Reason = reason }, transaction,
            WholeImportSeconds);

    /// <summary>
    /// The checker for a spending import: every allocation, and per allocation the volume declared on it so far in its
    /// own unit. Two set-based reads, whatever the number of lines to check.
    /// </summary>
    public async Task<AllocationChecker> ReadAllocationCheckerAsync(DbTransaction? transaction = null)
    {
        var (allocations, declared) = await database.RunAsync(transaction, async c => (
            (await c.QueryAsync<Allocation>(AllocationSql.AllAllocations, transaction: transaction)).AsList(),
            (await c.QueryAsync<DeclaredVolume>(AllocationSql.DeclaredVolumes, transaction: transaction)).AsList()));
        var units = allocations.ToDictionary(a => a.Id, a => a.Unit);
        var perAllocation = new Dictionary<long, decimal>();
        foreach (var row in declared)
        {
            if (units.GetValueOrDefault(row.AllocationId) is { } unit && SpendingUnits.Convert(row.Volume, row.Unit, unit) is { } volume)
            {
                perAllocation[row.AllocationId] = perAllocation.GetValueOrDefault(row.AllocationId) + volume;
            }
        }
        return new AllocationChecker(allocations, perAllocation);
    }

    /// <summary>Every contract with its provider's AGB-code and its tariff lines, for <see cref="SpendingMatcher"/>.</summary>
    public async Task<IReadOnlyList<MatchableContract>> ReadMatchableContractsAsync()
    {
        var all = await contracts.ReadAllAsync();
        return await database.RunAsync<IReadOnlyList<MatchableContract>>(null, async c =>
        {
            var agbCodes = (await c.QueryAsync<ReconciledContract>(SpendingSql.Contracts)).ToDictionary(x => x.Id, x => x.ProviderAgbCode);
            var tariffs = (await c.QueryAsync<TariffLine>(ContractTermsSql.AllTariffs)).ToLookup(t => t.ContractId);
            return all.Select(contract => new MatchableContract(contract, agbCodes[contract.Id], tariffs[contract.Id].ToList())).ToList();
        });
    }

    public Task<IReadOnlyList<ExceptionGroup>> ReadExceptionGroupsAsync(DbTransaction? transaction = null) =>
        database.RunAsync<IReadOnlyList<ExceptionGroup>>(transaction, async c =>
            (await c.QueryAsync<ExceptionGroupRow>(SpendingSql.ExceptionGroups, transaction: transaction)).Select(row => row.ToGroup()).ToList());

    public Task<Page<SpendingExceptionLine>> SearchExceptionsAsync(SpendingExceptionFilter filter, PageRequest page) =>
        database.RunAsync(null, async c =>
        {
            var parameters = new
            {
                filter.Kind, filter.ContractId, filter.ProviderAgbCode, filter.Year, filter.ImportId,
                page.Offset, Limit = page.PageSize,
            };
            var total = await c.ExecuteScalarAsync<int>(SpendingSql.CountExceptions(filter), parameters);
            var items = await c.QueryAsync<SpendingExceptionLine>(SpendingSql.SearchExceptions(database.Dialect, filter), parameters);
            return new Page<SpendingExceptionLine>(items.AsList(), page.PageNumber, page.PageSize, total);
        });

    /// <summary>The rechtmatigheidsverantwoording of <paramref name="year"/> per law, computed by <see cref="LawfulnessYear.Compute"/>.</summary>
    public async Task<IReadOnlyList<LawfulnessYear>> ReadLawfulnessAsync(int year, decimal thresholdPercent) =>
        LawfulnessYear.Compute(year, await database.RunAsync(null, async c =>
            (await c.QueryAsync<LawfulnessRow>(SpendingSql.LawfulnessTotals, new { Year = year })).Select(r => r.ToTotal()).ToList()), thresholdPercent);

    /// <summary>What one contract spent in <paramref name="year"/>, per delivery day, for <see cref="CumulativeSpending"/>.</summary>
    public Task<IReadOnlyList<DailySpending>> ReadSpentPerDayAsync(long contractId, int year) =>
        database.RunAsync<IReadOnlyList<DailySpending>>(null, async c =>
            (await c.QueryAsync<DayRow>(SpendingSql.SpentPerDayOfContract, new { ContractId = contractId, Year = year }))
            .Select(row => new DailySpending(row.DeliveryStart, row.Cents)).ToList());

    private sealed record ExceptionGroupRow
    {
        public SpendingExceptionKind Kind { get; init; }
        public long? ContractId { get; init; }
        public string? ContractNumber { get; init; }
        public string? ContractManager { get; init; }
        public string ProviderAgbCode { get; init; } = "";
        public int Year { get; init; }
        public int LineCount { get; init; }
        public long SignedCents { get; init; }
        public long FirstLineId { get; init; }

        public ExceptionGroup ToGroup() =>
            new(Kind, ContractId, ContractNumber, ContractManager, ProviderAgbCode, Year, LineCount, SignedCents, FirstLineId);
    }

    private sealed record LawfulnessRow
    {
        public Law Law { get; init; }
        public SpendingExceptionKind? Kind { get; init; }
        public long AmountCents { get; init; }
        public int LineCount { get; init; }

        public LawfulnessTotal ToTotal() => new(Law, Kind, AmountCents, LineCount);
    }

    private sealed record DeclaredVolume
    {
        public long AllocationId { get; init; }
        public SpendingUnit Unit { get; init; }
        public decimal Volume { get; init; }
    }

    private sealed record DayRow
    {
        public DateOnly DeliveryStart { get; init; }
        public long Cents { get; init; }
    }
}

/// <summary>The import that first brought a declaration number in.</summary>
public sealed record EarlierDeclaration
{
    public long ImportId { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
}
