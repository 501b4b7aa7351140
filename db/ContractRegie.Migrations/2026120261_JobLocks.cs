using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// One run of a job at a time across all instances: a run holds its job's row while it works and renews the
/// heartbeat; a row whose heartbeat stopped belongs to a process that died, and the next run takes it over.
/// </summary>
[Migration(2026120261, "Job locks")]
public sealed class JobLocks : Migration
{
    public override void Up() =>
        Create.Table("job_lock")
            .WithColumn("job").AsAnsiString(50).PrimaryKey("pk_job_lock")
            .WithColumn("run_id").AsInt64().NotNullable()
            .WithColumn("heartbeat_at").AsDateTime2().NotNullable();

    public override void Down() => Delete.Table("job_lock");
}
