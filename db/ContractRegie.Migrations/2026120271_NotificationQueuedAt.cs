using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// When a mail was (last) put in the queue: the retry horizon runs from there, so a requeued mail gets a fresh horizon.
/// Existing mails count from their creation.
/// </summary>
[Migration(2026120271, "Notification queued at")]
public sealed class NotificationQueuedAt : Migration
{
    public override void Up()
    {
        Alter.Table("notification").AddColumn("queued_at").AsDateTime2().Nullable();
        Execute.Sql("UPDATE notification SET queued_at = created_at");
    }

    public override void Down() => Delete.Column("queued_at").FromTable("notification");
}
