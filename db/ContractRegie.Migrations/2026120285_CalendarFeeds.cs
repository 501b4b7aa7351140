using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// Each user's calendar feed: the URL carries a secret token, the table only its SHA-256, so a copy of the database
/// opens no feed. One row per user; renewing replaces it, so the old URL stops working.
/// </summary>
[Migration(2026120285, "Calendar feeds")]
public sealed class CalendarFeeds : Migration
{
    public override void Up() =>
        Create.Table("calendar_feed")
            .WithColumn("user_id").AsInt64().PrimaryKey("pk_calendar_feed").ForeignKey("fk_calendar_feed_user", "app_user", "id")
            .WithColumn("token_hash").AsAnsiString(64).NotNullable().Unique("ux_calendar_feed_token_hash")
            .WithColumn("issued_at").AsDateTime2().NotNullable();

    public override void Down() => Delete.Table("calendar_feed");
}
