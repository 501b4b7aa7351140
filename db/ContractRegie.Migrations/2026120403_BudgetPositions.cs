using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// Every budget's exhaustion in the current year, kept so Financiën's start page reads its ten most exhausted budgets
/// through an index instead of reconciling the whole register's year on every visit (2 s at 100,000 contracts).
/// budget_position_year holds the year whose positions were computed in full; from then on the writes that change a
/// budget or its spending keep them (ContractRegie.Data.Spending.BudgetPositions). Empty here: the first visit of the
/// year computes them.
/// </summary>
[Migration(2026120403, "Kept budget positions")]
public sealed class BudgetPositions : Migration
{
    public override void Up()
    {
        Create.Table("budget_position")
            .WithColumn("year").AsInt32().NotNullable().PrimaryKey("pk_budget_position")
            .WithColumn("contract_id").AsInt64().NotNullable().PrimaryKey("pk_budget_position")
                .ForeignKey("fk_budget_position_contract", "contract", "id")
            .WithColumn("municipality_code").AsAnsiString(4).NotNullable().PrimaryKey("pk_budget_position")
            .WithColumn("budget_cents").AsInt64().NotNullable()
            .WithColumn("spent_cents").AsInt64().NotNullable()
            // Spent over budget in percent: a budget of a cent against millions spent still fits.
            .WithColumn("exhaustion_percent").AsDecimal(18, 1).NotNullable();
        // The ranking's whole order, so the most exhausted are the index's first entries whatever the ties.
        Create.Index("ix_budget_position_exhaustion").OnTable("budget_position")
            .OnColumn("year").Ascending()
            .OnColumn("exhaustion_percent").Descending()
            .OnColumn("contract_id").Ascending()
            .OnColumn("municipality_code").Ascending();
        Create.Table("budget_position_year")
            .WithColumn("year").AsInt32().NotNullable().PrimaryKey("pk_budget_position_year");
    }

    public override void Down()
    {
        Delete.Table("budget_position_year");
        Delete.Table("budget_position");
    }
}
