using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// The matched spending of each import added up per contract, municipality, delivery year and delivery end: what the
/// reconciliation reads instead of adding up every line of the year (10 million lines took 6 s on PostgreSQL; their
/// totals are a twelfth of that). An import writes its totals in its own transaction after its lines and their
/// exceptions; lines never change afterwards, so the totals stay true. The delivery end is kept because the run-rate
/// counts only what was delivered some days before today. The lines of earlier imports are added up here once.
/// </summary>
[Migration(2026120401, "Spending totals per import")]
public sealed class SpendingTotals : Migration
{
    public override void Up()
    {
        // One row per import and group: the key is the group, declared with the table (SQLite cannot add a key later).
        Create.Table("spending_total")
            .WithColumn("import_id").AsInt64().NotNullable().PrimaryKey("pk_spending_total")
                .ForeignKey("fk_spending_total_import", "spending_import", "id")
            .WithColumn("contract_id").AsInt64().NotNullable().PrimaryKey("pk_spending_total")
                .ForeignKey("fk_spending_total_contract", "contract", "id")
            .WithColumn("municipality_code").AsAnsiString(4).NotNullable().PrimaryKey("pk_spending_total")
            .WithColumn("delivery_year").AsInt32().NotNullable().PrimaryKey("pk_spending_total")
            .WithColumn("delivery_end").AsDate().NotNullable().PrimaryKey("pk_spending_total")
            .WithColumn("spent_cents").AsInt64().NotNullable()
            .WithColumn("in_investigation_cents").AsInt64().NotNullable()
            .WithColumn("line_count").AsInt32().NotNullable()
            .WithColumn("exception_count").AsInt32().NotNullable();
        // The statement an import runs for its own lines (SpendingSql.AddTotals), here over every line stored so far.
        Execute.Sql("""
            INSERT INTO spending_total (import_id, contract_id, municipality_code, delivery_year, delivery_end, spent_cents, in_investigation_cents,
                                        line_count, exception_count)
            SELECT l.import_id, l.contract_id, l.municipality_code, l.delivery_year, l.delivery_end,
                   SUM(CASE WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END),
                   SUM(CASE WHEN l.exception_kind IS NULL THEN 0 WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END),
                   COUNT(*), COUNT(l.exception_kind)
            FROM spending_line l
            WHERE l.contract_id IS NOT NULL
            GROUP BY l.import_id, l.contract_id, l.municipality_code, l.delivery_year, l.delivery_end
            """);
        // After the fill: building an index once is cheaper than keeping it up to date row by row.
        Create.Index("ix_spending_total_year").OnTable("spending_total")
            .OnColumn("delivery_year").Ascending()
            .OnColumn("contract_id").Ascending();
        Create.Index("ix_spending_total_contract").OnTable("spending_total")
            .OnColumn("contract_id").Ascending()
            .OnColumn("delivery_year").Ascending();
    }

    public override void Down() => Delete.Table("spending_total");
}
