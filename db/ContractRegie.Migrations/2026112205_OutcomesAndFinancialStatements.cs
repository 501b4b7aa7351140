using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// What providers report: outcome measurements per contract, indicator and period, and annual statements per
/// provider and year; plus each provider's last assessed financial risk level, so a rise can be told from a repeat.
/// </summary>
[Migration(2026112205, "Outcome measurements, financial statements and provider risk")]
public sealed class OutcomesAndFinancialStatements : Migration
{
    public override void Up()
    {
        Create.Table("outcome_measurement")
            .WithColumn("id").AsInt64().PrimaryKey("pk_outcome_measurement").Identity()
            .WithColumn("contract_id").AsInt64().NotNullable()
                .ForeignKey("fk_outcome_measurement_contract", "contract", "id")
            .WithColumn("indicator").AsString(100).NotNullable()
            .WithColumn("period").AsAnsiString(7).NotNullable()
            .WithColumn("value").AsDecimal(12, 4).NotNullable()
            .WithColumn("reported_on").AsDate().NotNullable()
            .WithColumn("source").AsString(200).Nullable();
        Create.Index("ux_outcome_measurement").OnTable("outcome_measurement").WithOptions().Unique()
            .OnColumn("contract_id").Ascending()
            .OnColumn("indicator").Ascending()
            .OnColumn("period").Ascending();

        Create.Table("financial_statement")
            .WithColumn("id").AsInt64().PrimaryKey("pk_financial_statement").Identity()
            .WithColumn("provider_id").AsInt64().NotNullable()
                .ForeignKey("fk_financial_statement_provider", "provider", "id")
            .WithColumn("year").AsInt32().NotNullable()
            .WithColumn("revenue_cents").AsInt64().NotNullable()
            .WithColumn("result_cents").AsInt64().NotNullable()
            .WithColumn("equity_cents").AsInt64().NotNullable()
            .WithColumn("total_assets_cents").AsInt64().NotNullable()
            .WithColumn("current_assets_cents").AsInt64().NotNullable()
            .WithColumn("current_liabilities_cents").AsInt64().NotNullable()
            .WithColumn("municipal_revenue_cents").AsInt64().NotNullable()
            .WithColumn("auditor_opinion").AsAnsiString(20).NotNullable()
            .WithColumn("going_concern_note").AsBoolean().NotNullable()
            .WithColumn("filed_on").AsDate().Nullable();
        Create.Index("ux_financial_statement").OnTable("financial_statement").WithOptions().Unique()
            .OnColumn("provider_id").Ascending()
            .OnColumn("year").Ascending();

        Create.Table("provider_risk")
            .WithColumn("provider_id").AsInt64().PrimaryKey("pk_provider_risk")
                .ForeignKey("fk_provider_risk_provider", "provider", "id")
            .WithColumn("level").AsAnsiString(10).NotNullable()
            .WithColumn("statement_year").AsInt32().Nullable()
            .WithColumn("total_score").AsInt32().NotNullable()
            .WithColumn("assessed_on").AsDate().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("provider_risk");
        Delete.Table("financial_statement");
        Delete.Table("outcome_measurement");
    }
}
