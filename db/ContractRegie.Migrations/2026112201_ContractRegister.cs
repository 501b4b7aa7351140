using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>The contract register: providers, contracts and what hangs off a contract.</summary>
[Migration(2026112201, "Contract register")]
public sealed class ContractRegister : Migration
{
    public override void Up()
    {
        Create.Table("provider")
            .WithColumn("id").AsInt64().PrimaryKey("pk_provider").Identity()
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("kvk_number").AsAnsiString(8).NotNullable()
            .WithColumn("agb_code").AsAnsiString(8).NotNullable().Unique("ux_provider_agb_code")
            .WithColumn("street").AsString(200).Nullable()
            .WithColumn("postal_code").AsString(10).Nullable()
            .WithColumn("city").AsString(100).Nullable()
            .WithColumn("contact_email").AsString(254).Nullable()
            .WithColumn("contract_manager").AsString(100).Nullable()
            .WithColumn("ozjt_top16").AsBoolean().NotNullable()
            .WithColumn("active").AsBoolean().NotNullable();

        Create.Table("contract")
            .WithColumn("id").AsInt64().PrimaryKey("pk_contract").Identity()
            .WithColumn("contract_number").AsString(50).NotNullable().Unique("ux_contract_number")
            .WithColumn("title").AsString(300).NotNullable()
            .WithColumn("provider_id").AsInt64().NotNullable()
                .ForeignKey("fk_contract_provider", "provider", "id")
            .WithColumn("kind").AsAnsiString(20).NotNullable()
            .WithColumn("law").AsAnsiString(20).NotNullable()
            .WithColumn("procurement_route").AsAnsiString(40).NotNullable()
            .WithColumn("start_date").AsDate().NotNullable()
            .WithColumn("initial_end_date").AsDate().NotNullable()
            .WithColumn("notice_period_months").AsInt32().NotNullable()
            .WithColumn("procurement_lead_time_months").AsInt32().NotNullable()
            .WithColumn("contract_owner").AsString(100).Nullable()
            .WithColumn("contract_manager").AsString(100).Nullable()
            .WithColumn("tactisch_inkoper").AsString(100).Nullable()
            .WithColumn("status").AsAnsiString(20).NotNullable();
        Create.Index("ix_contract_provider").OnTable("contract").OnColumn("provider_id");

        Create.Table("contract_municipality")
            .WithColumn("contract_id").AsInt64().NotNullable().PrimaryKey("pk_contract_municipality")
                .ForeignKey("fk_contract_municipality_contract", "contract", "id")
            .WithColumn("municipality_code").AsAnsiString(4).NotNullable().PrimaryKey("pk_contract_municipality");

        Create.Table("extension_option")
            .WithColumn("contract_id").AsInt64().NotNullable().PrimaryKey("pk_extension_option")
                .ForeignKey("fk_extension_option_contract", "contract", "id")
            .WithColumn("sequence").AsInt32().NotNullable().PrimaryKey("pk_extension_option")
            .WithColumn("duration_months").AsInt32().NotNullable()
            .WithColumn("exercised").AsBoolean().NotNullable();

        Create.Table("renewal_decision")
            .WithColumn("id").AsInt64().PrimaryKey("pk_renewal_decision").Identity()
            .WithColumn("contract_id").AsInt64().NotNullable()
                .ForeignKey("fk_renewal_decision_contract", "contract", "id")
            .WithColumn("decision").AsAnsiString(30).NotNullable()
            .WithColumn("decided_on").AsDate().NotNullable()
            .WithColumn("decided_by").AsString(100).NotNullable()
            .WithColumn("reason").AsString(2000).NotNullable()
            .WithColumn("exercised_option_sequence").AsInt32().Nullable();
        Create.Index("ix_renewal_decision_contract").OnTable("renewal_decision").OnColumn("contract_id");

        Create.Table("tariff_line")
            .WithColumn("id").AsInt64().PrimaryKey("pk_tariff_line").Identity()
            .WithColumn("contract_id").AsInt64().NotNullable()
                .ForeignKey("fk_tariff_line_contract", "contract", "id")
            .WithColumn("product_category").AsAnsiString(10).NotNullable()
            .WithColumn("product_code").AsAnsiString(10).NotNullable()
            .WithColumn("unit").AsAnsiString(20).NotNullable()
            .WithColumn("price_cents").AsInt64().NotNullable()
            .WithColumn("valid_from").AsDate().NotNullable()
            .WithColumn("valid_to").AsDate().Nullable()
            .WithColumn("indexation_percent").AsDecimal(7, 4).NotNullable();
        Create.Index("ux_tariff_line_product").OnTable("tariff_line").WithOptions().Unique()
            .OnColumn("contract_id").Ascending()
            .OnColumn("product_category").Ascending()
            .OnColumn("product_code").Ascending()
            .OnColumn("valid_from").Ascending();

        Create.Table("budget_ceiling")
            .WithColumn("id").AsInt64().PrimaryKey("pk_budget_ceiling").Identity()
            .WithColumn("contract_id").AsInt64().NotNullable()
                .ForeignKey("fk_budget_ceiling_contract", "contract", "id")
            .WithColumn("year").AsInt32().NotNullable()
            .WithColumn("municipality_code").AsAnsiString(4).NotNullable()
            .WithColumn("amount_cents").AsInt64().NotNullable();
        Create.Index("ux_budget_ceiling").OnTable("budget_ceiling").WithOptions().Unique()
            .OnColumn("contract_id").Ascending()
            .OnColumn("year").Ascending()
            .OnColumn("municipality_code").Ascending();

        Create.Table("outcome_agreement")
            .WithColumn("id").AsInt64().PrimaryKey("pk_outcome_agreement").Identity()
            .WithColumn("contract_id").AsInt64().NotNullable()
                .ForeignKey("fk_outcome_agreement_contract", "contract", "id")
            .WithColumn("indicator").AsString(100).NotNullable()
            .WithColumn("norm").AsDecimal(12, 4).NotNullable()
            .WithColumn("direction").AsAnsiString(10).NotNullable()
            .WithColumn("unit").AsString(20).NotNullable()
            .WithColumn("frequency").AsAnsiString(10).NotNullable()
            .WithColumn("tolerance").AsDecimal(12, 4).NotNullable();
        Create.Index("ux_outcome_agreement").OnTable("outcome_agreement").WithOptions().Unique()
            .OnColumn("contract_id").Ascending()
            .OnColumn("indicator").Ascending();
    }

    public override void Down()
    {
        foreach (var table in new[] { "outcome_agreement", "budget_ceiling", "tariff_line", "renewal_decision",
                     "extension_option", "contract_municipality", "contract", "provider" })
        {
            Delete.Table(table);
        }
    }
}
