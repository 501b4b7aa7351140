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

    // Not a const: on its own it is no statement; the parse test checks what InsertRows composes from it.
    private static readonly string InsertHead = "INSERT INTO audit_entry (occurred_at, actor, action, entity, entity_id, before_data, after_data) VALUES";

    private static readonly string[] InsertParameters = ["OccurredAt", "Actor", "Action", "Entity", "EntityId", "BeforeData", "AfterData"];

    /// <summary>One INSERT of <paramref name="rows"/> entries (parameters @OccurredAt0, @OccurredAt1 …; see <see cref="SqlRows"/>).</summary>
    public static string InsertRows(int rows) => SqlRows.Values(InsertHead, InsertParameters, rows);

    public const string WhereEntity = "entity = @Entity";
    public const string WhereEntityId = "entity_id = @EntityId";
    public const string WhereActor = "actor = @Actor";
    public const string WhereFrom = "occurred_at >= @From";
    public const string WhereUntil = "occurred_at < @Until";
    public const string WhereAction = "action = @Action";

    private const string OrderByNewest = "id DESC";
    private const string OrderByOldest = "id";
    private const string OrderByActor = "actor, id DESC";
    private const string OrderByActorDescending = "actor DESC, id DESC";
    private const string OrderByAction = "action, id DESC";
    private const string OrderByActionDescending = "action DESC, id DESC";
    private const string OrderByEntity = "entity, entity_id, id DESC";
    private const string OrderByEntityDescending = "entity DESC, entity_id DESC, id DESC";

    public static string Search(ISqlDialect dialect, AuditFilter filter, AuditOrder order = AuditOrder.Newest, bool descending = false) =>
        "SELECT " + Columns + " FROM audit_entry " + Where(filter) + " ORDER BY " + OrderBy(order, descending) + " " + dialect.Paging;

    private static string OrderBy(AuditOrder order, bool descending) => order switch
    {
        AuditOrder.Actor => descending ? OrderByActorDescending : OrderByActor,
        AuditOrder.Action => descending ? OrderByActionDescending : OrderByAction,
        AuditOrder.Entity => descending ? OrderByEntityDescending : OrderByEntity,
        _ => descending ? OrderByOldest : OrderByNewest,
    };

    public static string Count(AuditFilter filter) => "SELECT COUNT(*) FROM audit_entry " + Where(filter);

    private static SqlWhere Where(AuditFilter filter) => new SqlWhere()
        .When(filter.Entity is not null, WhereEntity)
        .When(filter.EntityId is not null, WhereEntityId)
        .When(filter.Actor is not null, WhereActor)
        .When(filter.From is not null, WhereFrom)
        .When(filter.Until is not null, WhereUntil)
        .When(filter.Action is not null, WhereAction);
}
