using System.Data.Common;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Providers;
using Dapper;

namespace ContractRegie.Data.Providers;

public sealed class ProviderRepository(Database database)
{
    public Task<Provider?> ReadByIdAsync(long id, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<Provider>(ProviderSql.ReadById, new { Id = id }, transaction));

    public Task<Provider?> ReadByAgbCodeAsync(string agbCode, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<Provider>(ProviderSql.ReadByAgbCode, new { AgbCode = agbCode }, transaction));

    public Task<Page<Provider>> SearchAsync(ProviderFilter filter, PageRequest page) =>
        database.RunAsync(null, async c =>
        {
            var parameters = new
            {
                Text = filter.Text is null ? null : Like.Contains(filter.Text),
                filter.Active,
                filter.OzjtTop16,
                filter.ContractManager,
                page.Offset,
                Limit = page.PageSize,
            };
            var total = await c.ExecuteScalarAsync<int>(ProviderSql.Count(filter), parameters);
            var items = await c.QueryAsync<Provider>(ProviderSql.Search(database.Dialect, filter), parameters);
            return new Page<Provider>(items.AsList(), page.PageNumber, page.PageSize, total);
        });

    public Task<long> InsertAsync(Provider provider, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<long>(
            ProviderSql.Insert + ";\n" + database.Dialect.SelectInsertedId, provider, transaction));

    public Task<bool> UpdateAsync(Provider provider, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, async c => await c.ExecuteAsync(ProviderSql.Update, provider, transaction) == 1);

    public Task<int> CountContractsAsync(long id, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<int>(ProviderSql.CountContracts, new { Id = id }, transaction));

    public Task<bool> DeleteAsync(long id, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, async c => await c.ExecuteAsync(ProviderSql.Delete, new { Id = id }, transaction) == 1);
}
