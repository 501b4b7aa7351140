using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// Mail by urgency and preference (issue 11): each user's choice for non-urgent signals, one row per signal, stage and
/// recipient saying how it was (or will be) mailed, and the thread and calendar an outbox mail carries.
/// </summary>
[Migration(2026120201, "Mail preference, signal mail queue, thread and calendar of a notification")]
public sealed class MailPolicy : Migration
{
    public override void Up()
    {
        Alter.Table("app_user").AddColumn("mail_frequency").AsAnsiString(10).NotNullable().WithDefaultValue("Daily");

        // The unique key makes a signal at one stage reach one recipient once, however often a job runs.
        Create.Table("signal_mail")
            .WithColumn("id").AsInt64().PrimaryKey("pk_signal_mail").Identity()
            .WithColumn("signal_id").AsInt64().NotNullable().ForeignKey("fk_signal_mail_signal", "signal", "id")
            .WithColumn("stage").AsInt32().NotNullable()
            .WithColumn("recipient").AsString(100).NotNullable()
            .WithColumn("in_copy").AsBoolean().NotNullable()
            .WithColumn("due_on").AsDate().Nullable()
            .WithColumn("channel").AsAnsiString(10).NotNullable()
            .WithColumn("queued_at").AsDateTime2().NotNullable()
            .WithColumn("notification_id").AsInt64().Nullable();
        Create.Index("ux_signal_mail").OnTable("signal_mail").WithOptions().Unique()
            .OnColumn("signal_id").Ascending()
            .OnColumn("stage").Ascending()
            .OnColumn("recipient").Ascending();
        Create.Index("ix_signal_mail_pending").OnTable("signal_mail").OnColumn("notification_id");

        Alter.Table("notification")
            .AddColumn("thread_key").AsAnsiString(100).Nullable()
            .AddColumn("calendar").AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
        Delete.Column("calendar").Column("thread_key").FromTable("notification");
        Delete.Table("signal_mail");
        Delete.Column("mail_frequency").FromTable("app_user");
    }
}
