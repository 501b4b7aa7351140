using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// The key dates Core computes and the latest decision, kept on the contract row by every write that changes them, so
/// a search filters, sorts and pages in SQL over indexes instead of reading the whole register. Rows written before
/// this migration are filled in by the host at start-up (the dates need Core's rules). On PostgreSQL name and number
/// search use trigram indexes when the pg_trgm extension can be had; elsewhere (and without it) a scan of one table.
/// </summary>
[Migration(2026120294, "Contract key-date columns and search indexes")]
public sealed class ContractKeyDateColumns : Migration
{
    private const string Postgres = "Postgres";

    private static readonly string[] Trigram =
    [
        "CREATE INDEX ix_contract_title_trgm ON contract USING gin (LOWER(title) gin_trgm_ops)",
        "CREATE INDEX ix_contract_number_trgm ON contract USING gin (LOWER(contract_number) gin_trgm_ops)",
        "CREATE INDEX ix_provider_name_trgm ON provider USING gin (LOWER(name) gin_trgm_ops)",
    ];

    public override void Up()
    {
        Alter.Table("contract")
            .AddColumn("current_end").AsDate().Nullable()
            .AddColumn("decision_deadline").AsDate().Nullable()
            .AddColumn("procurement_start_deadline").AsDate().Nullable()
            .AddColumn("next_deadline").AsDate().Nullable()
            .AddColumn("latest_decision").AsAnsiString(20).Nullable();
        Execute.Sql("""
            UPDATE contract SET latest_decision = (SELECT d.decision FROM renewal_decision d
                WHERE d.id = (SELECT MAX(d2.id) FROM renewal_decision d2 WHERE d2.contract_id = contract.id))
            """);
        Create.Index("ix_contract_current_end").OnTable("contract").OnColumn("current_end");
        Create.Index("ix_contract_decision_deadline").OnTable("contract").OnColumn("decision_deadline");
        Create.Index("ix_contract_procurement_start").OnTable("contract").OnColumn("procurement_start_deadline");
        Create.Index("ix_contract_next_deadline").OnTable("contract").OnColumn("next_deadline");
        Create.Index("ix_contract_manager_deadline").OnTable("contract").OnColumn("contract_manager").Ascending().OnColumn("next_deadline").Ascending();
        Create.Index("ix_provider_name").OnTable("provider").OnColumn("name");
        // A managed server may not allow the extension; search then still works, by scanning.
        IfDatabase(id => id.StartsWith(Postgres, StringComparison.OrdinalIgnoreCase)).Execute.Sql($$"""
            DO $$
            BEGIN
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
            EXCEPTION WHEN OTHERS THEN
                RAISE NOTICE 'pg_trgm not available: %', SQLERRM;
            END $$;
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                    EXECUTE '{{string.Join("'; EXECUTE '", Trigram)}}';
                END IF;
            END $$;
            """);
    }

    public override void Down()
    {
        IfDatabase(id => id.StartsWith(Postgres, StringComparison.OrdinalIgnoreCase)).Execute.Sql("""
            DROP INDEX IF EXISTS ix_contract_title_trgm;
            DROP INDEX IF EXISTS ix_contract_number_trgm;
            DROP INDEX IF EXISTS ix_provider_name_trgm;
            """);
        Delete.Index("ix_provider_name").OnTable("provider");
        Delete.Index("ix_contract_manager_deadline").OnTable("contract");
        Delete.Index("ix_contract_next_deadline").OnTable("contract");
        Delete.Index("ix_contract_procurement_start").OnTable("contract");
        Delete.Index("ix_contract_decision_deadline").OnTable("contract");
        Delete.Index("ix_contract_current_end").OnTable("contract");
        Delete.Column("current_end").Column("decision_deadline").Column("procurement_start_deadline").Column("next_deadline").Column("latest_decision")
            .FromTable("contract");
    }
}
