using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// One row per built-in session, so a user sees where they are signed in and can end a session, and signing out
/// ends that session on the server (a copied cookie included). The key is random; the cookie carries it encrypted.
/// </summary>
[Migration(2026120232, "User sessions")]
public sealed class UserSessions : Migration
{
    public override void Up()
    {
        Create.Table("user_session")
            .WithColumn("id").AsInt64().PrimaryKey("pk_user_session").Identity()
            .WithColumn("session_key").AsAnsiString(64).NotNullable().Unique("ux_user_session_key")
            .WithColumn("user_id").AsInt64().NotNullable().ForeignKey("fk_user_session_user", "app_user", "id")
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("last_seen_at").AsDateTime2().NotNullable()
            .WithColumn("ended_at").AsDateTime2().Nullable()
            .WithColumn("user_agent").AsString(200).Nullable();
        Create.Index("ix_user_session_user").OnTable("user_session").OnColumn("user_id");
    }

    public override void Down() => Delete.Table("user_session");
}
