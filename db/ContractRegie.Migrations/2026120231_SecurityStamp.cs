using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// A security stamp per user: every session cookie carries the stamp it was issued with, and a cookie whose stamp
/// no longer matches (deactivated, roles changed, password reset, signed out) is refused at the next request.
/// Existing rows get an empty stamp, which no cookie carries, so sessions from before this migration end.
/// </summary>
[Migration(2026120231, "User security stamp")]
public sealed class SecurityStamp : Migration
{
    public override void Up() =>
        Alter.Table("app_user").AddColumn("security_stamp").AsAnsiString(64).NotNullable().WithDefaultValue("");

    public override void Down() => Delete.Column("security_stamp").FromTable("app_user");
}
