using ContractRegie.Data.Audit;
using ContractRegie.Data.Dialects;

namespace ContractRegie.Data.Sql.Audit;

/// <summary>The audit trail is append-only: there is no UPDATE or DELETE statement for it.</summary>
public static class AuditSql
{
    private const string Columns = "id, occurred_at, actor, action, entity, entity_id, before_data, after_data";

    public const string Insert = """
        INSERT INTO audit_entry (occurred_at, actor, action, entity, entity_id, before_data, after_data)
        VALUES (@OccurredAt, @Actor, @Action, @Entity, @EntityId, @BeforeData, @AfterData)
        """;

    public const string WhereEntity = "entity = @Entity";
    public const string WhereEntityId = "entity_id = @EntityId";
    public const string WhereActor = "actor = @Actor";
    public const string WhereFrom = "occurred_at >= @From";
    public const string WhereUntil = "occurred_at < @Until";

    public static string Search(ISqlDialect dialect, AuditFilter filter) =>
        "SELECT " + Columns + " FROM audit_entry " + Where(filter) + " ORDER BY id DESC " + dialect.Paging;

    public static string Count(AuditFilter filter) => "SELECT COUNT(*) FROM audit_entry " + Where(filter);

    private static SqlWhere Where(AuditFilter filter) => new SqlWhere()
        .When(filter.Entity is not null, WhereEntity)
        .When(filter.EntityId is not null, WhereEntityId)
        .When(filter.Actor is not null, WhereActor)
        .When(filter.From is not null, WhereFrom)
        .When(filter.Until is not null, WhereUntil);
}
