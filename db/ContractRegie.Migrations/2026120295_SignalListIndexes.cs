using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// Indexes for the signal lists at volume: a person's open signals (start page, digest), a subject's signals (contract and
/// provider pages, decisions closing what they answer), the newest first (the signals page's default order) and a job's
/// own kinds, which a run reads once to compare its findings with.
/// </summary>
[Migration(2026120295, "Signal list indexes")]
public sealed class SignalListIndexes : Migration
{
    public override void Up()
    {
        Create.Index("ix_signal_recipient_status").OnTable("signal").OnColumn("recipient").Ascending().OnColumn("status").Ascending();
        Create.Index("ix_signal_subject").OnTable("signal").OnColumn("subject_type").Ascending().OnColumn("subject_id").Ascending();
        Create.Index("ix_signal_updated").OnTable("signal").OnColumn("updated_at").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_signal_kind").OnTable("signal").OnColumn("kind");
    }

    public override void Down()
    {
        Delete.Index("ix_signal_kind").OnTable("signal");
        Delete.Index("ix_signal_updated").OnTable("signal");
        Delete.Index("ix_signal_subject").OnTable("signal");
        Delete.Index("ix_signal_recipient_status").OnTable("signal");
    }
}
