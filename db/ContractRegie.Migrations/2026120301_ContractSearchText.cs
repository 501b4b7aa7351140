using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// What a contract search looks in (title, number and the provider's name, in lower case) kept on the contract row by
/// every write that changes it, so a text search reads one table and, on PostgreSQL, one trigram index instead of an OR
/// over two trigram indexes and the providers whose name matches. The title and number trigram indexes served only that
/// search and go. Rows written before this migration are filled in by the host at start-up, with the expression the
/// application keeps them by (ContractSql.SearchText: SQLite folds case with the application's function).
/// </summary>
[Migration(2026120301, "Contract search text")]
public sealed class ContractSearchText : Migration
{
    private const string Postgres = "Postgres";

    public override void Up()
    {
        // Title (300), number (50), name (200) and two spaces.
        Alter.Table("contract").AddColumn("search_text").AsString(552).Nullable();
        IfDatabase(id => id.StartsWith(Postgres, StringComparison.OrdinalIgnoreCase)).Execute.Sql("""
            DROP INDEX IF EXISTS ix_contract_title_trgm;
            DROP INDEX IF EXISTS ix_contract_number_trgm;
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                    EXECUTE 'CREATE INDEX ix_contract_search_trgm ON contract USING gin (search_text gin_trgm_ops)';
                END IF;
            END $$;
            """);
    }

    public override void Down()
    {
        IfDatabase(id => id.StartsWith(Postgres, StringComparison.OrdinalIgnoreCase)).Execute.Sql("""
            DROP INDEX IF EXISTS ix_contract_search_trgm;
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                    EXECUTE 'CREATE INDEX ix_contract_title_trgm ON contract USING gin (LOWER(title) gin_trgm_ops)';
                    EXECUTE 'CREATE INDEX ix_contract_number_trgm ON contract USING gin (LOWER(contract_number) gin_trgm_ops)';
                END IF;
            END $$;
            """);
        Delete.Column("search_text").FromTable("contract");
    }
}
