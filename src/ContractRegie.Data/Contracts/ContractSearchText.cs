using System.Data.Common;
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
    public static async Task<IReadOnlyDictionary<long, string>> ProviderNamesAsync(DbTransaction transaction, IEnumerable<long> providerIds) =>
        (await SqlRows.QueryInListsAsync<ProviderName, long>(transaction, ContractSql.ProviderNames, "ProviderId", providerIds.Distinct()))
            .ToDictionary(p => p.Id, p => p.Name);

    /// <summary>After a provider is written: its contracts whose search text its name changes.</summary>
    public static async Task StoreForProviderAsync(DbTransaction transaction, long providerId, string providerName)
    {
        var connection = transaction.Connection!;
        var changed = (await connection.QueryAsync<Source>(ContractSql.SearchTextsOfProvider, new { ProviderId = providerId }, transaction))
            .Select(c => new { c.Id, SearchText = Of(c.Title, c.ContractNumber, providerName), Was = c.SearchText })
            .Where(c => c.SearchText != c.Was)
            .Select(c => new { c.Id, c.SearchText })
            .ToList();
        await connection.ExecuteAsync(ContractSql.UpdateSearchText, changed, transaction);
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
                .Select(c => new { c.Id, SearchText = Of(c.Title, c.ContractNumber, c.ProviderName) })
                .ToList();
            await transaction.Connection!.ExecuteAsync(
                new CommandDefinition(ContractSql.UpdateSearchText, missing, transaction, cancellationToken: cancellationToken));
            return missing.Count;
        }, cancellationToken);

    private sealed class ProviderName
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }

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
