using ContractRegie.Data;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Schema;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContractRegie.Web.Hosting;

/// <summary>What /health/ready looks at, each check bounded so a hanging database cannot hang the probe.</summary>
public static class ReadinessChecks
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Mail due longer than this makes the instance degraded: the dispatcher is not keeping up or cannot send.</summary>
    public static readonly TimeSpan OutboxLag = TimeSpan.FromMinutes(15);
}

/// <summary>The database answers and has the schema this build expects (read from the version table, no migrator per probe).</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var applied = await SchemaMigrator.AppliedVersionAsync(database, cancellationToken);
        return applied == SchemaMigrator.LatestVersion
            ? HealthCheckResult.Healthy($"{database.Engine} reachable, schema {applied}.")
            : HealthCheckResult.Unhealthy($"Database schema is {applied}, this build needs {SchemaMigrator.LatestVersion}; run 'contractregie migrate'.");
    }
}

/// <summary>No e-mail waits much longer than it should: degraded (still serving) when the outbox lags.</summary>
public sealed class OutboxHealthCheck(OutboxRepository outbox, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var overdue = await outbox.CountDueBeforeAsync(time.GetUtcNow() - ReadinessChecks.OutboxLag);
        return overdue == 0
            ? HealthCheckResult.Healthy("Outbox keeps up.")
            : HealthCheckResult.Degraded($"{overdue} e-mails wait longer than {ReadinessChecks.OutboxLag.TotalMinutes} minutes.");
    }
}
