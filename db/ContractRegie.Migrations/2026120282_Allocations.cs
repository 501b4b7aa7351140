using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// Allocations (toewijzingen) from iWmo/iJw 301 messages and CSV, and what the per-client lawfulness checks need on the
/// spending lines. Like spending, there is no BSN column and nothing else about the client than the keyed pseudonym.
/// </summary>
[Migration(2026120282, "Allocations and per-client spending checks")]
public sealed class Allocations : Migration
{
    public override void Up()
    {
        Create.Table("allocation_import")
            .WithColumn("id").AsInt64().PrimaryKey("pk_allocation_import").Identity()
            .WithColumn("file_hash").AsAnsiString(64).NotNullable().Unique("ux_allocation_import_file_hash")
            .WithColumn("source").AsAnsiString(10).NotNullable()
            .WithColumn("file_name").AsString(260).Nullable()
            .WithColumn("allocations_read").AsInt32().NotNullable()
            .WithColumn("allocations_inserted").AsInt32().NotNullable()
            .WithColumn("allocations_updated").AsInt32().NotNullable()
            .WithColumn("imported_by").AsString(100).NotNullable()
            .WithColumn("imported_at").AsDateTime2().NotNullable();

        // A municipality numbers its allocations per provider; the same number again is a change of that allocation.
        Create.Table("allocation")
            .WithColumn("id").AsInt64().PrimaryKey("pk_allocation").Identity()
            .WithColumn("import_id").AsInt64().NotNullable()
                .ForeignKey("fk_allocation_import", "allocation_import", "id")
            .WithColumn("municipality_code").AsAnsiString(4).NotNullable()
            .WithColumn("provider_agb_code").AsAnsiString(8).NotNullable()
            .WithColumn("law").AsAnsiString(20).NotNullable()
            .WithColumn("allocation_number").AsAnsiString(20).NotNullable()
            .WithColumn("client_pseudonym").AsAnsiString(64).NotNullable()
            .WithColumn("product_category").AsAnsiString(10).NotNullable()
            .WithColumn("product_code").AsAnsiString(10).Nullable()
            .WithColumn("start_date").AsDate().NotNullable()
            .WithColumn("end_date").AsDate().Nullable()
            .WithColumn("volume").AsDecimal(12, 2).Nullable()
            .WithColumn("unit").AsAnsiString(10).Nullable()
            .WithColumn("frequency").AsAnsiString(20).Nullable()
            .WithColumn("budget_cents").AsInt64().Nullable();
        Create.Index("ux_allocation_number").OnTable("allocation").WithOptions().Unique()
            .OnColumn("municipality_code").Ascending()
            .OnColumn("provider_agb_code").Ascending()
            .OnColumn("allocation_number").Ascending();

        // The allocation a line was checked against, so the volume declared on it adds up over declarations.
        Alter.Table("spending_line").AddColumn("allocation_id").AsInt64().Nullable();
        Create.Index("ix_spending_line_allocation").OnTable("spending_line").OnColumn("allocation_id").Ascending();
        Create.Index("ix_spending_line_client").OnTable("spending_line")
            .OnColumn("provider_agb_code").Ascending()
            .OnColumn("client_pseudonym").Ascending()
            .OnColumn("product_code").Ascending()
            .OnColumn("delivery_start").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_spending_line_client").OnTable("spending_line");
        Delete.Index("ix_spending_line_allocation").OnTable("spending_line");
        Delete.Column("allocation_id").FromTable("spending_line");
        Delete.Table("allocation");
        Delete.Table("allocation_import");
    }
}
