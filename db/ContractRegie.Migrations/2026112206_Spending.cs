using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// Spending imports from the financial administration (CSV) and iWmo/iJw 323 declarations. There is no BSN column:
/// a client is only ever the keyed pseudonym.
/// </summary>
[Migration(2026112206, "Spending imports, declarations and spending lines")]
public sealed class Spending : Migration
{
    public override void Up()
    {
        // The file's SHA-256 is unique: the same file imported again is recognised and changes nothing.
        Create.Table("spending_import")
            .WithColumn("id").AsInt64().PrimaryKey("pk_spending_import").Identity()
            .WithColumn("file_hash").AsAnsiString(64).NotNullable().Unique("ux_spending_import_file_hash")
            .WithColumn("source").AsAnsiString(10).NotNullable()
            .WithColumn("file_name").AsString(260).Nullable()
            .WithColumn("lines_read").AsInt32().NotNullable()
            .WithColumn("lines_imported").AsInt32().NotNullable()
            .WithColumn("exception_count").AsInt32().NotNullable()
            .WithColumn("total_cents").AsInt64().NotNullable()
            .WithColumn("imported_by").AsString(100).NotNullable()
            .WithColumn("imported_at").AsDateTime2().NotNullable();

        // A provider numbers its declarations; the same number twice is the same declaration.
        Create.Table("spending_declaration")
            .WithColumn("id").AsInt64().PrimaryKey("pk_spending_declaration").Identity()
            .WithColumn("import_id").AsInt64().NotNullable()
                .ForeignKey("fk_spending_declaration_import", "spending_import", "id")
            .WithColumn("provider_agb_code").AsAnsiString(8).NotNullable()
            .WithColumn("declaration_number").AsAnsiString(50).NotNullable()
            .WithColumn("municipality_code").AsAnsiString(4).NotNullable()
            .WithColumn("period_start").AsDate().NotNullable()
            .WithColumn("period_end").AsDate().NotNullable()
            .WithColumn("total_cents").AsInt64().NotNullable();
        Create.Index("ux_spending_declaration_number").OnTable("spending_declaration").WithOptions().Unique()
            .OnColumn("provider_agb_code").Ascending()
            .OnColumn("declaration_number").Ascending();

        // delivery_year is stored so reconciliation groups by year without a vendor date function.
        Create.Table("spending_line")
            .WithColumn("id").AsInt64().PrimaryKey("pk_spending_line").Identity()
            .WithColumn("import_id").AsInt64().NotNullable()
                .ForeignKey("fk_spending_line_import", "spending_import", "id")
            .WithColumn("line_number").AsInt32().NotNullable()
            .WithColumn("provider_agb_code").AsAnsiString(8).NotNullable()
            .WithColumn("municipality_code").AsAnsiString(4).NotNullable()
            .WithColumn("law").AsAnsiString(20).NotNullable()
            .WithColumn("product_category").AsAnsiString(10).NotNullable()
            .WithColumn("product_code").AsAnsiString(10).NotNullable()
            .WithColumn("delivery_start").AsDate().NotNullable()
            .WithColumn("delivery_end").AsDate().NotNullable()
            .WithColumn("delivery_year").AsInt32().NotNullable()
            .WithColumn("volume").AsDecimal(12, 2).NotNullable()
            .WithColumn("unit").AsAnsiString(10).NotNullable()
            .WithColumn("amount_cents").AsInt64().NotNullable()
            .WithColumn("debet_credit").AsAnsiString(1).NotNullable()
            .WithColumn("declaration_number").AsAnsiString(50).NotNullable()
            .WithColumn("product_reference").AsString(50).Nullable()
            .WithColumn("allocation_number").AsAnsiString(20).Nullable()
            .WithColumn("client_pseudonym").AsAnsiString(64).Nullable()
            .WithColumn("contract_id").AsInt64().Nullable()
                .ForeignKey("fk_spending_line_contract", "contract", "id")
            .WithColumn("exception_kind").AsAnsiString(40).Nullable()
            .WithColumn("exception_reason").AsString(1000).Nullable();
        Create.Index("ix_spending_line_contract").OnTable("spending_line")
            .OnColumn("contract_id").Ascending()
            .OnColumn("delivery_year").Ascending();
        Create.Index("ix_spending_line_declaration").OnTable("spending_line")
            .OnColumn("provider_agb_code").Ascending()
            .OnColumn("declaration_number").Ascending();
        Create.Index("ix_spending_line_exception").OnTable("spending_line").OnColumn("exception_kind");
    }

    public override void Down()
    {
        Delete.Table("spending_line");
        Delete.Table("spending_declaration");
        Delete.Table("spending_import");
    }
}
