namespace ContractRegie.Data.Sql.Users;

public static class UserSql
{
    private const string Columns = "id, user_name, display_name, email, roles, password_hash, active, failed_sign_ins, locked_until, mail_frequency, security_stamp";

    public const string ReadById = "SELECT " + Columns + " FROM app_user WHERE id = @Id";
    public const string ReadByUserName = "SELECT " + Columns + " FROM app_user WHERE user_name = @UserName";
    public const string ReadAll = "SELECT " + Columns + " FROM app_user ORDER BY user_name";
    public const string CountAll = "SELECT COUNT(*) FROM app_user";

    public const string Insert = """
        INSERT INTO app_user (user_name, display_name, email, roles, password_hash, active, failed_sign_ins, locked_until, security_stamp)
        VALUES (@UserName, @DisplayName, @Email, @Roles, @PasswordHash, @Active, 0, NULL, @SecurityStamp)
        """;

    public const string Update = """
        UPDATE app_user SET display_name = @DisplayName, email = @Email, roles = @Roles, active = @Active, security_stamp = @SecurityStamp
        WHERE id = @Id
        """;

    public const string UpdateMailFrequency = "UPDATE app_user SET mail_frequency = @MailFrequency WHERE id = @Id";

    public const string UpdatePassword = """
        UPDATE app_user SET password_hash = @PasswordHash, failed_sign_ins = 0, locked_until = NULL, security_stamp = @SecurityStamp
        WHERE id = @Id
        """;

    public const string RecordSignInResult = """
        UPDATE app_user SET failed_sign_ins = @FailedSignIns, locked_until = @LockedUntil WHERE id = @Id
        """;
}
