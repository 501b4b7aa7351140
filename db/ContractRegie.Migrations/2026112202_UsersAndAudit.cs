using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>Built-in user accounts and the append-only audit trail.</summary>
[Migration(2026112202, "Users and audit trail")]
public sealed class UsersAndAudit : Migration
{
    public override void Up()
    {
        Create.Table("app_user")
            .WithColumn("id").AsInt64().PrimaryKey("pk_app_user").Identity()
            .WithColumn("user_name").AsString(100).NotNullable().Unique("ux_app_user_user_name")
            .WithColumn("display_name").AsString(200).NotNullable()
            .WithColumn("email").AsString(254).Nullable()
            .WithColumn("roles").AsAnsiString(200).NotNullable()
            .WithColumn("password_hash").AsAnsiString(500).Nullable()
            .WithColumn("active").AsBoolean().NotNullable()
            .WithColumn("failed_sign_ins").AsInt32().NotNullable()
            .WithColumn("locked_until").AsDateTime2().Nullable();

        Create.Table("audit_entry")
            .WithColumn("id").AsInt64().PrimaryKey("pk_audit_entry").Identity()
            .WithColumn("occurred_at").AsDateTime2().NotNullable()
            .WithColumn("actor").AsString(100).NotNullable()
            .WithColumn("action").AsAnsiString(30).NotNullable()
            .WithColumn("entity").AsAnsiString(50).NotNullable()
            .WithColumn("entity_id").AsAnsiString(50).NotNullable()
            .WithColumn("before_data").AsString(int.MaxValue).Nullable()
            .WithColumn("after_data").AsString(int.MaxValue).Nullable();
        Create.Index("ix_audit_entry_entity").OnTable("audit_entry")
            .OnColumn("entity").Ascending()
            .OnColumn("entity_id").Ascending();
        Create.Index("ix_audit_entry_occurred_at").OnTable("audit_entry").OnColumn("occurred_at");
    }

    public override void Down()
    {
        Delete.Table("audit_entry");
        Delete.Table("app_user");
    }
}
