using ContractRegie.Data.Dialects;
using ContractRegie.Data.Signals;

namespace ContractRegie.Data.Sql.Signals;

public static class SignalSql
{
    private const string Columns = """
        id, kind, severity, subject_type, subject_id, title, facts, dedupe_key, stage, recipient, status, raised_at, updated_at, resolution_note
        """;

    public const string ReadById = "SELECT " + Columns + " FROM signal WHERE id = @Id";
    public const string ReadByDedupeKey = "SELECT " + Columns + " FROM signal WHERE dedupe_key = @DedupeKey";
    public const string ReadUnresolvedByKind = "SELECT " + Columns + " FROM signal WHERE kind = @Kind AND status <> @Resolved ORDER BY id";
    public const string ReadUnresolvedBySubject = "SELECT " + Columns + """
         FROM signal WHERE subject_type = @SubjectType AND subject_id = @SubjectId AND status <> @Resolved ORDER BY id
        """;

    public const string Insert = """
        INSERT INTO signal (kind, severity, subject_type, subject_id, title, facts, dedupe_key, stage, recipient, status, raised_at, updated_at)
        VALUES (@Kind, @Severity, @SubjectType, @SubjectId, @Title, @Facts, @DedupeKey, @Stage, @Recipient, @Status, @Now, @Now)
        """;

    public const string UpdateRaised = """
        UPDATE signal SET severity = @Severity, title = @Title, facts = @Facts, stage = @Stage, recipient = @Recipient,
                          status = @Status, updated_at = @Now
        WHERE id = @Id
        """;

    public const string UpdateStatus = """
        UPDATE signal SET status = @Status, resolution_note = @ResolutionNote, updated_at = @Now WHERE id = @Id
        """;

    public const string WhereKind = "kind = @Kind";
    public const string WhereStatus = "status = @Status";
    public const string WhereSeverity = "severity = @Severity";
    public const string WhereRecipient = "recipient = @Recipient";
    public const string WhereSubject = "subject_type = @SubjectType AND subject_id = @SubjectId";

    public static string Search(ISqlDialect dialect, SignalFilter filter) =>
        "SELECT " + Columns + " FROM signal " + Where(filter) + " ORDER BY updated_at DESC, id DESC " + dialect.Paging;

    public static string Count(SignalFilter filter) => "SELECT COUNT(*) FROM signal " + Where(filter);

    private static SqlWhere Where(SignalFilter filter) => new SqlWhere()
        .When(filter.Kind is not null, WhereKind)
        .When(filter.Status is not null, WhereStatus)
        .When(filter.Severity is not null, WhereSeverity)
        .When(filter.Recipient is not null, WhereRecipient)
        .When(filter.SubjectType is not null && filter.SubjectId is not null, WhereSubject);
}
