using ContractRegie.Data.Dialects;
using ContractRegie.Data.Signals;

namespace ContractRegie.Data.Sql.Signals;

public static class SignalSql
{
    private const string Columns = """
        id, kind, severity, subject_type, subject_id, title, facts, dedupe_key, stage, recipient, due_on, status, raised_at, updated_at, resolution_note
        """;

    public const string ReadById = "SELECT " + Columns + " FROM signal WHERE id = @Id";
    public const string ReadByDedupeKey = "SELECT " + Columns + " FROM signal WHERE dedupe_key = @DedupeKey";
    public const string ReadByKind = "SELECT " + Columns + " FROM signal WHERE kind = @Kind";
    public const string ReadUnresolvedBySubject = "SELECT " + Columns + """
         FROM signal WHERE subject_type = @SubjectType AND subject_id = @SubjectId AND status <> @Resolved ORDER BY id
        """;

    // Not a const: on its own it is no statement; the parse test checks what InsertRows composes from it.
    private static readonly string InsertHead = """
        INSERT INTO signal (kind, severity, subject_type, subject_id, title, facts, dedupe_key, stage, recipient, due_on, status, raised_at, updated_at)
        VALUES
        """;

    private static readonly string[] InsertParameters =
        ["Kind", "Severity", "SubjectType", "SubjectId", "Title", "Facts", "DedupeKey", "Stage", "Recipient", "DueOn", "Status", "Now", "Now"];

    /// <summary>One INSERT of <paramref name="rows"/> signals (parameters @Kind0, @Kind1 …; see <see cref="SqlRows"/>).</summary>
    public static string InsertRows(int rows) => SqlRows.Values(InsertHead, InsertParameters, rows);

    /// <summary>The signals with <paramref name="ids"/> ids (@Id0, @Id1 …).</summary>
    public static string ReadByIds(int ids) => "SELECT " + Columns + " FROM signal WHERE id IN (" + SqlRows.List("Id", ids) + ")";

    /// <summary>The signals with <paramref name="keys"/> dedupe keys (@DedupeKey0, @DedupeKey1 …).</summary>
    public static string ReadByDedupeKeys(int keys) => "SELECT " + Columns + " FROM signal WHERE dedupe_key IN (" + SqlRows.List("DedupeKey", keys) + ")";

    private static readonly string UpdateRaised = """
        UPDATE signal SET severity = @Severity, title = @Title, facts = @Facts, stage = @Stage, recipient = @Recipient,
                          due_on = @DueOn, status = @Status, updated_at = @Now
        WHERE id = @Id
        """;

    /// <summary>The updates of <paramref name="rows"/> signals raised again, in one batch (@Id0, @Severity0 …; see <see cref="SqlRows.Statements"/>).</summary>
    public static string UpdateRaisedRows(int rows) => SqlRows.Statements(UpdateRaised, rows);

    public const string ReadUnresolvedByKind = "SELECT " + Columns + " FROM signal WHERE kind = @Kind AND status <> @Resolved";

    /// <summary>
    /// Resolves the signals with <paramref name="ids"/> ids (@Id0, @Id1 …) with one reason. Stage CauseGone makes a signal
    /// news again should its cause return (SignalStages.CauseGone).
    /// </summary>
    public static string ResolveCauseGone(int ids) =>
        "UPDATE signal SET status = @Status, resolution_note = @ResolutionNote, stage = @Stage, updated_at = @Now WHERE id IN (" + SqlRows.List("Id", ids) + ")";

    public const string UpdateStatus = """
        UPDATE signal SET status = @Status, resolution_note = @ResolutionNote, updated_at = @Now WHERE id = @Id
        """;

    public const string WhereKind = "kind = @Kind";
    public const string WhereStatus = "status = @Status";
    public const string WhereSeverity = "severity = @Severity";
    public const string WhereRecipient = "recipient = @Recipient";
    public const string WhereSubject = "subject_type = @SubjectType AND subject_id = @SubjectId";
    public const string WhereUnresolved = "status <> 'Resolved'";
    public const string WhereUpdatedSince = "updated_at >= @UpdatedSince";

    // Severity is stored by name; this ranks it most severe first. Then the nearest deadline; signals without one after those with one.
    private const string SeverityRank = "CASE severity WHEN 'Critical' THEN 0 WHEN 'High' THEN 1 WHEN 'Warning' THEN 2 ELSE 3 END";
    private const string WithoutDueDateLast = "CASE WHEN due_on IS NULL THEN 1 ELSE 0 END";
    private const string OrderByNewest = "updated_at DESC, id DESC";
    private const string OrderByUrgency = SeverityRank + ", " + WithoutDueDateLast + ", due_on, raised_at, id";
    private const string OrderByUrgencyDescending = SeverityRank + " DESC, " + WithoutDueDateLast + " DESC, due_on DESC, raised_at DESC, id DESC";
    private const string OrderByTitle = "title, id";
    private const string OrderByTitleDescending = "title DESC, id DESC";
    private const string OrderByRecipient = "recipient, id";
    private const string OrderByRecipientDescending = "recipient DESC, id DESC";
    private const string OrderByStatus = "status, id";
    private const string OrderByStatusDescending = "status DESC, id DESC";
    private const string OrderByOldest = "updated_at, id";

    public static string Search(ISqlDialect dialect, SignalFilter filter, SignalOrder order = SignalOrder.Newest, bool descending = false) =>
        "SELECT " + Columns + " FROM signal " + Where(filter) + " ORDER BY " + OrderBy(order, descending) + " " + dialect.Paging;

    private static string OrderBy(SignalOrder order, bool descending) => order switch
    {
        SignalOrder.Urgency => descending ? OrderByUrgencyDescending : OrderByUrgency,
        SignalOrder.Title => descending ? OrderByTitleDescending : OrderByTitle,
        SignalOrder.Recipient => descending ? OrderByRecipientDescending : OrderByRecipient,
        SignalOrder.Status => descending ? OrderByStatusDescending : OrderByStatus,
        _ => descending ? OrderByOldest : OrderByNewest,
    };

    public static string Count(SignalFilter filter) => "SELECT COUNT(*) FROM signal " + Where(filter);

    private static SqlWhere Where(SignalFilter filter) => new SqlWhere()
        .When(filter.Kind is not null, WhereKind)
        .When(filter.Status is not null, WhereStatus)
        .When(filter.Unresolved, WhereUnresolved)
        .When(filter.Severity is not null, WhereSeverity)
        .When(filter.Recipient is not null, WhereRecipient)
        .When(filter.SubjectType is not null && filter.SubjectId is not null, WhereSubject)
        .When(filter.UpdatedSince is not null, WhereUpdatedSince);
}
