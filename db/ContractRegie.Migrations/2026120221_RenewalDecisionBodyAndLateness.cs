using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// A renewal decision names the administrative body that took it, and a decision taken after the decision deadline
/// keeps its justification (issue 12).
/// </summary>
[Migration(2026120221, "Renewal decision: deciding body and late justification")]
public sealed class RenewalDecisionBodyAndLateness : Migration
{
    public override void Up()
    {
        Alter.Table("renewal_decision")
            .AddColumn("deciding_body").AsAnsiString(30).Nullable()
            .AddColumn("late_justification").AsString(2000).Nullable();
    }

    public override void Down()
    {
        Delete.Column("late_justification").Column("deciding_body").FromTable("renewal_decision");
    }
}
