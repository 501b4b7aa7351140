using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>Signals raised by the jobs, the notification outbox the dispatcher sends, and the jobs' run history.</summary>
[Migration(2026112203, "Signals, notification outbox and job runs")]
public sealed class SignalsAndOutbox : Migration
{
    public override void Up()
    {
        Create.Table("signal")
            .WithColumn("id").AsInt64().PrimaryKey("pk_signal").Identity()
            .WithColumn("kind").AsAnsiString(40).NotNullable()
            .WithColumn("severity").AsAnsiString(10).NotNullable()
            .WithColumn("subject_type").AsAnsiString(30).NotNullable()
            .WithColumn("subject_id").AsInt64().NotNullable()
            .WithColumn("title").AsString(300).NotNullable()
            .WithColumn("facts").AsString(2000).NotNullable()
            .WithColumn("dedupe_key").AsAnsiString(200).NotNullable().Unique("ux_signal_dedupe_key")
            .WithColumn("stage").AsInt32().NotNullable()
            .WithColumn("recipient").AsString(100).Nullable()
            .WithColumn("status").AsAnsiString(20).NotNullable()
            .WithColumn("raised_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable()
            .WithColumn("resolution_note").AsString(2000).Nullable();
        Create.Index("ix_signal_status").OnTable("signal").OnColumn("status");

        Create.Table("notification")
            .WithColumn("id").AsInt64().PrimaryKey("pk_notification").Identity()
            .WithColumn("recipient").AsString(254).NotNullable()
            .WithColumn("subject").AsString(300).NotNullable()
            .WithColumn("text_body").AsString(int.MaxValue).NotNullable()
            .WithColumn("html_body").AsString(int.MaxValue).NotNullable()
            .WithColumn("signal_ids").AsAnsiString(1000).NotNullable()
            .WithColumn("dedupe_key").AsAnsiString(200).NotNullable().Unique("ux_notification_dedupe_key")
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            .WithColumn("next_attempt_at").AsDateTime2().NotNullable()
            .WithColumn("claimed_until").AsDateTime2().Nullable()
            .WithColumn("sent_at").AsDateTime2().Nullable()
            .WithColumn("failed_at").AsDateTime2().Nullable()
            .WithColumn("last_error").AsString(2000).Nullable();
        Create.Index("ix_notification_due").OnTable("notification")
            .OnColumn("sent_at").Ascending()
            .OnColumn("failed_at").Ascending()
            .OnColumn("next_attempt_at").Ascending();

        Create.Table("job_run")
            .WithColumn("id").AsInt64().PrimaryKey("pk_job_run").Identity()
            .WithColumn("job").AsAnsiString(50).NotNullable()
            .WithColumn("run_date").AsDate().NotNullable()
            .WithColumn("started_at").AsDateTime2().NotNullable()
            .WithColumn("finished_at").AsDateTime2().Nullable()
            .WithColumn("outcome").AsAnsiString(20).NotNullable()
            .WithColumn("summary").AsString(2000).Nullable();
        Create.Index("ix_job_run_job").OnTable("job_run").OnColumn("job").Ascending().OnColumn("id").Descending();
    }

    public override void Down()
    {
        Delete.Table("job_run");
        Delete.Table("notification");
        Delete.Table("signal");
    }
}
