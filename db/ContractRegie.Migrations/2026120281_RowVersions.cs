using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// A version per editable row, raised by every update: the API sends it as ETag and writes only when If-Match still
/// names it, so two people editing the same row cannot silently overwrite each other.
/// </summary>
[Migration(2026120281, "Row versions")]
public sealed class RowVersions : Migration
{
    private static readonly string[] Tables = ["provider", "contract", "tariff_line", "budget_ceiling", "outcome_agreement", "outcome_measurement", "financial_statement"];

    public override void Up()
    {
        foreach (var table in Tables)
        {
            Alter.Table(table).AddColumn("row_version").AsInt64().NotNullable().WithDefaultValue(1);
        }
    }

    public override void Down()
    {
        foreach (var table in Tables)
        {
            Delete.Column("row_version").FromTable(table);
        }
    }
}
