using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// The verdeelsleutel of a regional (OZJT) contract: each municipality's percentage of the contract's budget. The key is
/// one row with its row version, so the whole key is read, replaced and guarded by If-Match together; its shares are
/// the key's children.
/// </summary>
[Migration(2026120298, "Budget share keys of regional contracts")]
public sealed class BudgetShareKeys : Migration
{
    public override void Up()
    {
        Create.Table("budget_share_key")
            .WithColumn("id").AsInt64().PrimaryKey("pk_budget_share_key").Identity()
            .WithColumn("contract_id").AsInt64().NotNullable().Unique("ux_budget_share_key_contract")
                .ForeignKey("fk_budget_share_key_contract", "contract", "id")
            .WithColumn("row_version").AsInt64().NotNullable().WithDefaultValue(1);

        Create.Table("budget_share")
            .WithColumn("share_key_id").AsInt64().NotNullable().PrimaryKey("pk_budget_share")
                .ForeignKey("fk_budget_share_key", "budget_share_key", "id")
            .WithColumn("municipality_code").AsAnsiString(4).NotNullable().PrimaryKey("pk_budget_share")
            .WithColumn("share_percent").AsDecimal(5, 2).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("budget_share");
        Delete.Table("budget_share_key");
    }
}
