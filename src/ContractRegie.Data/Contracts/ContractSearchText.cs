using System.Data.Common;
using ContractRegie.Data.Dialects;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Contracts;
using Dapper;

namespace ContractRegie.Data.Contracts;

/// <summary>
/// What a contract search looks in, kept on the contract row (<c>search_text</c>): the title, number and provider's name in
/// lower case, as the searched text is lowered. One column of one table, so a search needs no join or provider lookup and
/// PostgreSQL answers it from one trigram index. Made here for every write: the contract's own, and a provider's rename.
/// </summary>
public static class ContractSearchText
{
    public static string Of(string title, string contractNumber, string providerName) =>
        $"{title} {contractNumber} {providerName}".ToLowerInvariant();

    /// <summary>The names of these providers, for the search text of contracts about to be written.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> ProviderNamesAsync(ISqlDialect dialect, DbTransaction transaction, IEnumerable<long> providerIds) =>
        (await SqlRows.QueryInListsAsync<(long Id, string Name), long>(dialect, transaction, ContractSql.ProviderNames, "ProviderId", providerIds.Distinct()))
            .ToDictionary(p => p.Id, p => p.Name);

    /// <summary>After a provider is written: its contracts whose search text its name changes.</summary>
    public static async Task StoreForProviderAsync(Database database, DbTransaction transaction, long providerId, string providerName)
    {
        var changed = (await transaction.Connection!.QueryAsync<Source>(ContractSql.SearchTextsOfProvider, new { ProviderId = providerId }, transaction))
            .Select(c => (Now: new Stored(c.Id, Of(c.Title, c.ContractNumber, providerName)), Was: c.SearchText))
            .Where(c => c.Now.SearchText != c.Was)
            .Select(c => c.Now)
            .ToList();
        await StoreAsync(database, transaction, changed);
    }

    /// <summary>
    /// Fills in the search text of contracts written before it was kept on the row (migration 2026120301); after that every
    /// write keeps it, so this finds nothing. Answers how many it filled in.
    /// </summary>
    public static Task<int> StoreMissingAsync(Database database, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async transaction =>
        {
            var missing = (await transaction.Connection!.QueryAsync<Source>(
                    new CommandDefinition(ContractSql.WithoutSearchText, transaction: transaction, cancellationToken: cancellationToken)))
                .Select(c => new Stored(c.Id, Of(c.Title, c.ContractNumber, c.ProviderName)))
                .ToList();
            await StoreAsync(database, transaction, missing, cancellationToken);
            return missing.Count;
        }, cancellationToken);

    /// <summary>The texts written, the engine's rows per round trip (a start-up fill of a national register is 100,000).</summary>
    private static async Task StoreAsync(Database database, DbTransaction transaction, IReadOnlyList<Stored> texts, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in texts.Chunk(database.Dialect.BulkInsertRows))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.Connection!.ExecuteAsync(ContractSql.UpdateSearchTextRows(chunk.Length), SqlRows.Bind(chunk), transaction);
        }
    }

    private sealed record Stored(long Id, string SearchText);

    /// <summary>What a contract's search text is made of, and (for a provider's contracts) what is stored now.</summary>
    private sealed class Source
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string ContractNumber { get; init; } = "";
        public string ProviderName { get; init; } = "";
        public string? SearchText { get; init; }
    }
}
