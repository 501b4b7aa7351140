using System.Globalization;
using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// When a provider, contract or contract term last changed (UTC), set by every audited write, so the municipality's data
/// warehouse can read only what changed since its last run (<c>updatedSince</c>). Rows that exist get the time of this
/// migration: they may have changed at any time before it. The provider and contract lists filter on it, hence the indexes;
/// a contract's terms are read per contract.
/// </summary>
[Migration(2026120297, "Updated-at on providers, contracts and terms")]
public sealed class UpdatedAt : Migration
{
    private static readonly string[] Tables = ["provider", "contract", "tariff_line", "budget_ceiling", "outcome_agreement"];

    public override void Up()
    {
        // A constant, not the engine's clock: SQLite cannot add a column whose default is an expression. On SQLite instants are
        // text compared as text, so it is written as Microsoft.Data.Sqlite writes the instants of the code (UTC, "+00:00").
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var table in Tables)
        {
            IfDatabase(IsSqlite).Alter.Table(table).AddColumn("updated_at").AsDateTime2().NotNullable().WithDefaultValue(now + "+00:00");
            IfDatabase(id => !IsSqlite(id)).Alter.Table(table).AddColumn("updated_at").AsDateTime2().NotNullable().WithDefaultValue(now);
        }
        Create.Index("ix_provider_updated").OnTable("provider").OnColumn("updated_at");
        Create.Index("ix_contract_updated").OnTable("contract").OnColumn("updated_at");
    }

    public override void Down()
    {
        Delete.Index("ix_contract_updated").OnTable("contract");
        Delete.Index("ix_provider_updated").OnTable("provider");
        foreach (var table in Tables)
        {
            Delete.Column("updated_at").FromTable(table);
        }
    }

    private static bool IsSqlite(string databaseId) => databaseId.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase);
}
