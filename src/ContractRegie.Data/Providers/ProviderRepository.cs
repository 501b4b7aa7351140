using System.Data.Common;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
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

    /// <summary>The providers with these AGB-codes, a list of codes per query, in the caller's transaction; a code without a provider is left out.</summary>
    public async Task<IReadOnlyDictionary<string, Provider>> ReadByAgbCodesAsync(IEnumerable<string> agbCodes, DbTransaction transaction) =>
        (await SqlRows.QueryInListsAsync<Provider, string>(database.Dialect, transaction, ProviderSql.ReadByAgbCodes, "AgbCode", agbCodes))
            .ToDictionary(provider => provider.AgbCode, StringComparer.Ordinal);

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
    /// The active providers <paramref name="chunkSize"/> at a time in id order (<see cref="ProviderSql.ActiveChunkAfter"/>), for
    /// the daily checks: memory holds one chunk, and each page's total lets a job report its progress. Read in the job's
    /// transaction, like the contracts.
    /// </summary>
    public IAsyncEnumerable<Page<Provider>> ReadActiveInChunksAsync(int chunkSize, DbTransaction transaction)
    {
        var connection = transaction.Connection!;
        var chunks = KeyChunks.ReadAsync(chunkSize, async afterId => (await connection.QueryAsync<Provider>(ProviderSql.ActiveChunkAfter(database.Dialect),
            new { Active = true, AfterId = afterId, Offset = 0, Limit = chunkSize }, transaction)).AsList(), provider => provider.Id);
        return KeyChunks.AsPagesAsync(chunks, chunkSize,
            () => connection.ExecuteScalarAsync<int>(ProviderSql.Count(new ProviderFilter(Active: true)), new { Active = true }, transaction));
    }

    private const string Entity = "provider";

    public Task<long> InsertAsync(Provider provider, DbTransaction? transaction = null) =>
        Rows.InsertAsync(ProviderSql.Insert, provider, transaction);

    /// <summary>
    /// Inserts new providers as <see cref="InsertAsync"/> inserts one (<c>updated_at</c>, an audit entry with the stored row), in the
    /// caller's transaction and in batches: the engine's rows per INSERT, read back by AGB-code and audited a batch at a time.
    /// </summary>
    public async Task InsertManyAsync(IReadOnlyList<Provider> providers, DbTransaction transaction)
    {
        var now = audit.Now();
        await database.Dialect.InsertRowsAsync(transaction, ProviderSql.InsertRows, providers.Select(p => p with { UpdatedAt = now }));
        var stored = await ReadByAgbCodesAsync(providers.Select(p => p.AgbCode), transaction);
        await audit.AppendManyAsync(transaction, AuditAction.Create, Entity,
            [.. providers.Select(p => stored[p.AgbCode]).Select(p => new AuditedChange(p.Id, null, p))], occurredAt: now);
    }

    /// <summary>
    /// Writes <paramref name="provider"/> if the stored row still has its <see cref="Provider.RowVersion"/>, and its name into its
    /// contracts' search text.
    /// </summary>
    public Task<WriteResult> UpdateAsync(Provider provider, DbTransaction? transaction = null) =>
        Rows.UpdateAsync(provider.Id, ProviderSql.Update, provider, transaction, (id, tx) => ContractSearchText.StoreForProviderAsync(database, tx, id, provider.Name));

    public Task<int> CountContractsAsync(long id, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<int>(ProviderSql.CountContracts, new { Id = id }, transaction));

    public Task<WriteResult> DeleteAsync(long id, long rowVersion, DbTransaction? transaction = null) =>
        Rows.DeleteAsync(id, ProviderSql.Delete, new { Id = id, RowVersion = rowVersion }, transaction);

    private AuditedRows<Provider> Rows => new(database, audit, Entity, (id, tx) => ReadByIdAsync(id, tx));
}
