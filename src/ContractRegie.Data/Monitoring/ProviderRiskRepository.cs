using System.Data.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Monitoring;
using Dapper;

namespace ContractRegie.Data.Monitoring;

/// <summary>A provider's financial risk level as the financial-stability job last assessed it.</summary>
public sealed record ProviderRisk
{
    public long ProviderId { get; init; }
    public RiskLevel Level { get; init; }
    public int? StatementYear { get; init; }
    public int TotalScore { get; init; }
    public DateOnly AssessedOn { get; init; }
}

/// <summary>A new assessment and the one stored until now (null for a provider's first).</summary>
public readonly record struct RiskAssessment(ProviderRisk Risk, ProviderRisk? Before);

public sealed class ProviderRiskRepository(Database database, AuditTrail audit)
{
    private const string Entity = "provider_risk";

    public Task<ProviderRisk?> ReadAsync(long providerId, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<ProviderRisk>(ProviderRiskSql.Read, new { Id = providerId }, transaction));

    /// <summary>Every provider's last assessment, by provider id: one row per provider, a few hundred at most.</summary>
    public Task<IReadOnlyDictionary<long, ProviderRisk>> ReadAllAsync(DbTransaction? transaction = null) =>
        database.RunAsync<IReadOnlyDictionary<long, ProviderRisk>>(transaction, async c =>
            (await c.QueryAsync<ProviderRisk>(ProviderRiskSql.ReadAll, transaction: transaction)).ToDictionary(r => r.ProviderId));

    /// <summary>The last assessments of these providers, by provider id, a batch of ids per query.</summary>
    public async Task<IReadOnlyDictionary<long, ProviderRisk>> ReadByProvidersAsync(IReadOnlyCollection<long> providerIds, DbTransaction transaction) =>
        (await SqlRows.QueryInListsAsync<ProviderRisk, long>(database.Dialect, transaction, ProviderRiskSql.ReadByProviders, "ProviderId", providerIds)).ToDictionary(r => r.ProviderId);

    /// <summary>
    /// Stores each assessment over the one stored until now (null for a first one), the engine's rows per round trip;
    /// audited only when level, statement or score changed, not for each day's repeat, with one multi-row INSERT per kind.
    /// </summary>
    public async Task SaveManyAsync(IReadOnlyList<RiskAssessment> assessments, DbTransaction transaction)
    {
        var (first, again) = (assessments.Where(a => a.Before is null).ToList(), assessments.Where(a => a.Before is not null).ToList());
        foreach (var chunk in first.Chunk(database.Dialect.BulkInsertRows))
        {
            await transaction.Connection!.ExecuteAsync(ProviderRiskSql.InsertRows(chunk.Length), SqlRows.Bind(chunk.Select(a => Parameters(a.Risk))), transaction);
        }
        foreach (var chunk in again.Chunk(database.Dialect.BulkInsertRows))
        {
            await transaction.Connection!.ExecuteAsync(ProviderRiskSql.UpdateRows(chunk.Length), SqlRows.Bind(chunk.Select(a => Parameters(a.Risk))), transaction);
        }
        await audit.AppendManyAsync(transaction, AuditAction.Create, Entity, [.. first.Select(a => new AuditedChange(a.Risk.ProviderId, null, a.Risk))]);
        await audit.AppendManyAsync(transaction, AuditAction.Update, Entity,
            [.. again.Where(a => a.Before! with { AssessedOn = a.Risk.AssessedOn } != a.Risk).Select(a => new AuditedChange(a.Risk.ProviderId, a.Before, a.Risk))]);
    }

    private static object Parameters(ProviderRisk risk) =>
        new { risk.ProviderId, risk.Level, risk.StatementYear, risk.TotalScore, risk.AssessedOn };
}
