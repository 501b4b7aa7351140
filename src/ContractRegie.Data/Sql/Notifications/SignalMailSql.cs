namespace ContractRegie.Data.Sql.Notifications;

/// <summary>The signal mail queue: which signal, at which stage, reaches which recipient through which channel.</summary>
public static class SignalMailSql
{
    private const string Columns = "id, signal_id, stage, recipient, in_copy, due_on, channel, queued_at, notification_id";

    public const string CountByKey = """
        SELECT COUNT(*) FROM signal_mail WHERE signal_id = @SignalId AND stage = @Stage AND recipient = @Recipient
        """;

    public const string Insert = """
        INSERT INTO signal_mail (signal_id, stage, recipient, in_copy, due_on, channel, queued_at, notification_id)
        VALUES (@SignalId, @Stage, @Recipient, @InCopy, @DueOn, @Channel, @Now, NULL)
        """;

    public const string ReadPending = "SELECT " + Columns + " FROM signal_mail WHERE notification_id IS NULL ORDER BY id";

    public const string MarkMailed = "UPDATE signal_mail SET notification_id = @NotificationId WHERE id = @Id";

    public const string DeleteById = "DELETE FROM signal_mail WHERE id = @Id";

    public const string ReadInkopers = "SELECT id, tactisch_inkoper FROM contract WHERE tactisch_inkoper IS NOT NULL";
}
