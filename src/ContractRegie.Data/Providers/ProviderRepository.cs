using System.Data.Common;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Providers;
using Dapper;

namespace ContractRegie.Data.Providers;

public sealed class ProviderRepository(Database database, AuditTrail audit)
{
    public Task<Provider?> ReadByIdAsync(long id, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<Provider>(ProviderSql.ReadById, new { Id = id }, transaction));

    public Task<Provider?> ReadByAgbCodeAsync(string agbCode, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<Provider>(ProviderSql.ReadByAgbCode, new { AgbCode = agbCode }, transaction));

    public Task<Page<Provider>> SearchAsync(ProviderFilter filter, PageRequest page, ProviderOrder order = ProviderOrder.Name, bool descending = false,
        DbTransaction? transaction = null) =>
        database.RunAsync(transaction, async c =>
        {
            var parameters = new
            {
                Text = filter.Text is null ? null : Like.Contains(filter.Text),
                filter.Active,
                filter.OzjtTop16,
                filter.ContractManager,
                filter.UpdatedSince,
                page.Offset,
                Limit = page.PageSize,
            };
            var total = await c.ExecuteScalarAsync<int>(ProviderSql.Count(filter), parameters, transaction);
            var items = await c.QueryAsync<Provider>(ProviderSql.Search(database.Dialect, filter, order, descending), parameters, transaction);
            return new Page<Provider>(items.AsList(), page.PageNumber, page.PageSize, total);
        });

    /// <summary>
    /// The active providers a page of <paramref name="chunkSize"/> at a time (by name, then id), for the daily checks: memory
    /// holds one chunk, and each page's total lets a job report its progress. Read in the job's transaction, like the contracts.
    /// </summary>
    public IAsyncEnumerable<Page<Provider>> ReadActiveInChunksAsync(int chunkSize, DbTransaction transaction) =>
        Pages.AllAsync(chunkSize, page => SearchAsync(new ProviderFilter(Active: true), page, transaction: transaction));

    private const string Entity = "provider";

    public Task<long> InsertAsync(Provider provider, DbTransaction? transaction = null) =>
        Rows.InsertAsync(ProviderSql.Insert, provider, transaction);

    /// <summary>Writes <paramref name="provider"/> if the stored row still has its <see cref="Provider.RowVersion"/>.</summary>
    public Task<WriteResult> UpdateAsync(Provider provider, DbTransaction? transaction = null) =>
        Rows.UpdateAsync(provider.Id, ProviderSql.Update, provider, transaction);

    public Task<int> CountContractsAsync(long id, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<int>(ProviderSql.CountContracts, new { Id = id }, transaction));

    public Task<WriteResult> DeleteAsync(long id, long rowVersion, DbTransaction? transaction = null) =>
        Rows.DeleteAsync(id, ProviderSql.Delete, new { Id = id, RowVersion = rowVersion }, transaction);

    private AuditedRows<Provider> Rows => new(database, audit, Entity, (id, tx) => ReadByIdAsync(id, tx));
}
