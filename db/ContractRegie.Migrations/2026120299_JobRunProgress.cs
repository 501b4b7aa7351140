using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// How far a job run is: what it processed of its total (contracts, providers), kept while it works so a long first run
/// over a large register shows that it moves.
/// </summary>
[Migration(2026120299, "Job run progress")]
public sealed class JobRunProgress : Migration
{
    public override void Up()
    {
        Alter.Table("job_run").AddColumn("processed").AsInt32().Nullable();
        Alter.Table("job_run").AddColumn("total").AsInt32().Nullable();
    }

    public override void Down()
    {
        Delete.Column("processed").FromTable("job_run");
        Delete.Column("total").FromTable("job_run");
    }
}
