using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Audit;
using Dapper;

namespace ContractRegie.Data.Audit;

/// <summary>
/// Appends to the audit trail inside the transaction of the write it describes, so a write and its audit
/// entry are stored together or not at all.
/// </summary>
public sealed class AuditTrail(Database database, ICurrentActor actor, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Who the jobs' own conclusions (a signal closed because its cause is gone) are recorded as.</summary>
    public const string SystemActor = "systeem";

    /// <summary>The instant of a write that is about to be audited: its entry's time and the written row's <c>updated_at</c>.</summary>
    public DateTimeOffset Now() => time.GetUtcNow();

    public async Task AppendAsync(DbTransaction? transaction, AuditAction action, string entity, object entityId, object? before, object? after,
        string? actorName = null, DateTimeOffset? occurredAt = null) =>
        await database.RunAsync(transaction, c => c.ExecuteAsync(AuditSql.Insert,
            Row(action, entity, new AuditedChange(entityId, before, after), actorName ?? actor.Name, occurredAt ?? time.GetUtcNow()), transaction));

    /// <summary>
    /// One entry per change, all with the same action, written with the engine's bulk insert (<see cref="Dialects.ISqlDialect.InsertRowsAsync"/>):
    /// a job's new signals, an import's new rows (whose <c>updated_at</c> is <paramref name="occurredAt"/>).
    /// </summary>
    public async Task AppendManyAsync(DbTransaction transaction, AuditAction action, string entity, IReadOnlyList<AuditedChange> changes,
        string? actorName = null, DateTimeOffset? occurredAt = null)
    {
        var (name, now) = (actorName ?? actor.Name, occurredAt ?? time.GetUtcNow());
        await database.Dialect.InsertRowsAsync(transaction, AuditSql.InsertRows,
            changes.Select(change => Row(action, entity, change, name, now)));
    }

    private static object Row(AuditAction action, string entity, AuditedChange change, string actorName, DateTimeOffset now) => new
    {
        OccurredAt = now,
        Actor = actorName,
        Action = action,
        Entity = entity,
        EntityId = Convert.ToString(change.EntityId, CultureInfo.InvariantCulture),
        BeforeData = change.Before is null ? null : JsonSerializer.Serialize(change.Before, change.Before.GetType(), Json),
        AfterData = change.After is null ? null : JsonSerializer.Serialize(change.After, change.After.GetType(), Json),
    };

    public Task<Page<AuditEntry>> SearchAsync(AuditFilter filter, PageRequest page, AuditOrder order = AuditOrder.Newest, bool descending = false) =>
        database.RunAsync(null, async c =>
        {
            var parameters = new
            {
                filter.Entity, filter.EntityId, filter.Actor, filter.From, filter.Until, filter.Action, page.Offset, Limit = page.PageSize,
            };
            var total = await c.ExecuteScalarAsync<int>(AuditSql.Count(filter), parameters);
            var items = await c.QueryAsync<AuditEntry>(AuditSql.Search(database.Dialect, filter, order, descending), parameters);
            return new Page<AuditEntry>(items.AsList(), page.PageNumber, page.PageSize, total);
        });
}

/// <summary>One row's change for the audit trail: its id, and how it looked before and after (null when created or deleted).</summary>
public readonly record struct AuditedChange(object EntityId, object? Before, object? After);
