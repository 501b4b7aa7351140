using System.Data.Common;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Monitoring;
using Dapper;

namespace ContractRegie.Data.Monitoring;

public sealed record FinancialStatementFilter(long? ProviderId = null, int? Year = null);

/// <summary>Providers' annual statements; (provider, year) is their natural key.</summary>
public sealed class FinancialStatementRepository
{
    private readonly Database _database;
    private readonly AuditedRows<FinancialStatement> _rows;

    public FinancialStatementRepository(Database database, AuditTrail audit)
    {
        _database = database;
        _rows = new AuditedRows<FinancialStatement>(database, audit, "financial_statement", (id, tx) => ReadByIdAsync(id, tx));
    }

    public Task<FinancialStatement?> ReadByIdAsync(long id, DbTransaction? transaction = null) =>
        _database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<FinancialStatement>(FinancialStatementSql.ReadById, new { Id = id }, transaction));

    public Task<FinancialStatement?> ReadByKeyAsync(long providerId, int year, DbTransaction? transaction = null) =>
        _database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<FinancialStatement>(FinancialStatementSql.ReadByKey,
            new { ProviderId = providerId, Year = year }, transaction));

    public Task<IReadOnlyList<FinancialStatement>> ReadByProviderAsync(long providerId, DbTransaction? transaction = null) =>
        _database.RunAsync<IReadOnlyList<FinancialStatement>>(transaction, async c =>
            (await c.QueryAsync<FinancialStatement>(FinancialStatementSql.ReadByProvider, new { ProviderId = providerId }, transaction)).AsList());

    /// <summary>The statements of these providers, a batch of ids per query, in the caller's transaction (the daily financial check).</summary>
    public async Task<IReadOnlyList<FinancialStatement>> ReadByProvidersAsync(IReadOnlyCollection<long> providerIds, DbTransaction transaction) =>
        await SqlRows.QueryInListsAsync<FinancialStatement, long>(_database.Dialect, transaction, FinancialStatementSql.ReadByProviders, "ProviderId", providerIds);

    public Task<Page<FinancialStatement>> SearchAsync(FinancialStatementFilter filter, PageRequest page) =>
        _database.RunAsync(null, async c =>
        {
            var parameters = new { filter.ProviderId, filter.Year, page.Offset, Limit = page.PageSize };
            var total = await c.ExecuteScalarAsync<int>(FinancialStatementSql.Count(filter), parameters);
            var items = await c.QueryAsync<FinancialStatement>(FinancialStatementSql.Search(_database.Dialect, filter), parameters);
            return new Page<FinancialStatement>(items.AsList(), page.PageNumber, page.PageSize, total);
        });

    public Task<long> InsertAsync(FinancialStatement statement, DbTransaction? transaction = null) =>
        _rows.InsertAsync(FinancialStatementSql.Insert, Parameters(statement), transaction);

    public Task<WriteResult> UpdateAsync(FinancialStatement statement, DbTransaction? transaction = null) =>
        _rows.UpdateAsync(statement.Id, FinancialStatementSql.Update, Parameters(statement), transaction);

    public Task<WriteResult> DeleteAsync(long id, long rowVersion) => _rows.DeleteAsync(id, FinancialStatementSql.Delete, new { Id = id, RowVersion = rowVersion }, null);

    private static object Parameters(FinancialStatement s) => new
    {
        s.Id, s.ProviderId, s.Year, s.RevenueCents, s.ResultCents, s.EquityCents, s.TotalAssetsCents, s.CurrentAssetsCents, s.CurrentLiabilitiesCents,
        s.MunicipalRevenueCents, s.AuditorOpinion, s.GoingConcernNote, s.FiledOn, s.RowVersion,
    };
}
