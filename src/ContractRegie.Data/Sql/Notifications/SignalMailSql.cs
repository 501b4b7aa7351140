namespace ContractRegie.Data.Sql.Notifications;

/// <summary>The signal mail queue: which signal, at which stage, reaches which recipient through which channel.</summary>
public static class SignalMailSql
{
    private const string Columns = "id, signal_id, stage, recipient, in_copy, due_on, channel, queued_at, notification_id";

    // Not a const: on its own it is no statement; the parse test checks what InsertRows composes from it.
    private static readonly string InsertHead = """
        INSERT INTO signal_mail (signal_id, stage, recipient, in_copy, due_on, channel, queued_at)
        VALUES
        """;

    private static readonly string[] InsertParameters = ["SignalId", "Stage", "Recipient", "InCopy", "DueOn", "Channel", "Now"];

    /// <summary>One INSERT of <paramref name="rows"/> entries, not yet mailed (parameters @SignalId0, @SignalId1 …; see <see cref="SqlRows"/>).</summary>
    public static string InsertRows(int rows) => SqlRows.Values(InsertHead, InsertParameters, rows);

    /// <summary>Every entry about <paramref name="signals"/> signals (@SignalId0, @SignalId1 …).</summary>
    public static string ReadBySignalIds(int signals) => "SELECT " + Columns + " FROM signal_mail WHERE signal_id IN (" + SqlRows.List("SignalId", signals) + ")";

    public const string PendingRecipients = "SELECT DISTINCT recipient FROM signal_mail WHERE notification_id IS NULL ORDER BY recipient";
    public const string ReadPendingOf = "SELECT " + Columns + " FROM signal_mail WHERE notification_id IS NULL AND recipient = @Recipient ORDER BY id";

    /// <summary>Marks <paramref name="entries"/> entries (@Id0, @Id1 …) as carried by the mail @NotificationId.</summary>
    public static string MarkMailedByIds(int entries) => "UPDATE signal_mail SET notification_id = @NotificationId WHERE id IN (" + SqlRows.List("Id", entries) + ")";

    public static string DeleteByIds(int entries) => "DELETE FROM signal_mail WHERE id IN (" + SqlRows.List("Id", entries) + ")";

    public const string ReadInkopers = "SELECT id, tactisch_inkoper FROM contract WHERE tactisch_inkoper IS NOT NULL";
}
