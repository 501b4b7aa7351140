using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>The date a signal's deadline falls on (if it has one), so "most urgent first" can order by it.</summary>
[Migration(2026120241, "Signal due date")]
public sealed class SignalDueDate : Migration
{
    public override void Up() => Alter.Table("signal").AddColumn("due_on").AsDate().Nullable();

    public override void Down() => Delete.Column("due_on").FromTable("signal");
}
