using ContractRegie.Data.Dialects;
using ContractRegie.Data.Notifications;

namespace ContractRegie.Data.Sql.Notifications;

public static class NotificationSql
{
    private const string Columns = """
        id, recipient, subject, text_body, html_body, dedupe_key, created_at, attempts, next_attempt_at, claimed_until,
        sent_at, failed_at, last_error, thread_key, calendar, queued_at
        """;

    public const string CountByDedupeKey = "SELECT COUNT(*) FROM notification WHERE dedupe_key = @DedupeKey";

    public const string Insert = """
        INSERT INTO notification (recipient, subject, text_body, html_body, dedupe_key, created_at, attempts, next_attempt_at, thread_key, calendar, queued_at)
        VALUES (@Recipient, @Subject, @TextBody, @HtmlBody, @DedupeKey, @Now, 0, @Now, @ThreadKey, @Calendar, @Now)
        """;

    public const string InsertSignalLink = "INSERT INTO notification_signal (notification_id, signal_id) VALUES (@NotificationId, @SignalId)";

    public static string InsertSignalLinkRows(int rows) => SqlRows.InsertRows(InsertSignalLink, rows);

    public const string SignalIdsByNotificationId = "SELECT signal_id FROM notification_signal WHERE notification_id = @Id ORDER BY signal_id";

    // Whether every signal a mail carries is about undeliverable mail (and it carries one at least).
    public const string CarriesOnlyKind = """
        SELECT CASE WHEN COUNT(*) > 0 AND COUNT(*) = SUM(CASE WHEN s.kind = @Kind THEN 1 ELSE 0 END) THEN 1 ELSE 0 END
        FROM notification_signal l
        JOIN signal s ON s.id = l.signal_id
        WHERE l.notification_id = @Id
        """;

    private const string DueIds = """
        SELECT id FROM notification
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @Now AND (claimed_until IS NULL OR claimed_until < @Now)
        ORDER BY next_attempt_at, id
        """;

    /// <summary>The first <c>@Limit</c> due ids (from <c>@Offset</c>): a claim never reads the whole queue.</summary>
    public static string ReadDueIds(ISqlDialect dialect) => DueIds + " " + dialect.Paging;

    // A claim is an ordinary guarded UPDATE: only one dispatcher can turn an unclaimed row into its own, on every
    // engine, so no lock hints are needed and a crashed dispatcher's claim simply expires.
    public const string Claim = """
        UPDATE notification SET claimed_until = @Until
        WHERE id = @Id AND sent_at IS NULL AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < @Now)
        """;

    public const string CountDueBefore = """
        SELECT COUNT(*) FROM notification WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at < @DueBefore
        """;

    public const string ReadById = "SELECT " + Columns + " FROM notification WHERE id = @Id";

    public const string MarkSent = "UPDATE notification SET sent_at = @Now, attempts = attempts + 1, claimed_until = NULL, last_error = NULL WHERE id = @Id";

    public const string MarkRetry = """
        UPDATE notification SET attempts = attempts + 1, next_attempt_at = @NextAttemptAt, claimed_until = NULL, last_error = @LastError
        WHERE id = @Id
        """;

    public const string MarkFailed = """
        UPDATE notification SET attempts = attempts + 1, failed_at = @Now, claimed_until = NULL, last_error = @LastError WHERE id = @Id
        """;

    public const string RequeueFailed = """
        UPDATE notification SET failed_at = NULL, attempts = 0, next_attempt_at = @Now, queued_at = @Now, claimed_until = NULL
        WHERE id = @Id AND failed_at IS NOT NULL AND sent_at IS NULL
        """;

    public const string ReadFailed = "SELECT " + Columns + " FROM notification WHERE failed_at IS NOT NULL AND sent_at IS NULL ORDER BY id";

    public const string WhereUnsent = "sent_at IS NULL AND failed_at IS NULL";
    public const string WhereSent = "sent_at IS NOT NULL";
    public const string WhereFailed = "failed_at IS NOT NULL";

    public static string Search(ISqlDialect dialect, NotificationState? state) =>
        "SELECT " + Columns + " FROM notification " + Where(state) + " ORDER BY id DESC " + dialect.Paging;

    public static string Count(NotificationState? state) => "SELECT COUNT(*) FROM notification " + Where(state);

    private static SqlWhere Where(NotificationState? state) => new SqlWhere()
        .When(state == NotificationState.Queued, WhereUnsent)
        .When(state == NotificationState.Sent, WhereSent)
        .When(state == NotificationState.Failed, WhereFailed);
}
