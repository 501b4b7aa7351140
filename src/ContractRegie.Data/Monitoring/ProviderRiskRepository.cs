using System.Data.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Data.Audit;
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

public sealed class ProviderRiskRepository(Database database, AuditTrail audit)
{
    private const string Entity = "provider_risk";

    public Task<ProviderRisk?> ReadAsync(long providerId, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<ProviderRisk>(ProviderRiskSql.Read, new { Id = providerId }, transaction));

    /// <summary>Every provider's last assessment, by provider id: one row per provider, a few hundred at most.</summary>
    public Task<IReadOnlyDictionary<long, ProviderRisk>> ReadAllAsync(DbTransaction? transaction = null) =>
        database.RunAsync<IReadOnlyDictionary<long, ProviderRisk>>(transaction, async c =>
            (await c.QueryAsync<ProviderRisk>(ProviderRiskSql.ReadAll, transaction: transaction)).ToDictionary(r => r.ProviderId));

    /// <summary>
    /// Stores the assessment over <paramref name="before"/>, the one stored until now (null for a first one); audited only
    /// when level, statement or score changed, not for each day's repeat.
    /// </summary>
    public async Task SaveAsync(ProviderRisk risk, ProviderRisk? before, DbTransaction transaction)
    {
        var parameters = new { risk.ProviderId, Level = risk.Level.ToString(), risk.StatementYear, risk.TotalScore, risk.AssessedOn };
        await transaction.Connection!.ExecuteAsync(before is null ? ProviderRiskSql.Insert : ProviderRiskSql.Update, parameters, transaction);
        if (before is null || before with { AssessedOn = risk.AssessedOn } != risk)
        {
            await audit.AppendAsync(transaction, before is null ? AuditAction.Create : AuditAction.Update, Entity, risk.ProviderId, before, risk);
        }
    }
}
