namespace ContractRegie.Data.Sql.Users;

public static class CalendarFeedSql
{
    public const string ReadUserIdByTokenHash = "SELECT user_id FROM calendar_feed WHERE token_hash = @TokenHash";

    public const string ReadIssuedAt = "SELECT issued_at FROM calendar_feed WHERE user_id = @UserId";

    public const string Delete = "DELETE FROM calendar_feed WHERE user_id = @UserId";

    public const string Insert = "INSERT INTO calendar_feed (user_id, token_hash, issued_at) VALUES (@UserId, @TokenHash, @IssuedAt)";
}
