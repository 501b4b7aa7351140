namespace ContractRegie.Data.Sql.Users;

public static class SessionSql
{
    private const string Columns = "id, session_key, user_id, created_at, last_seen_at, ended_at, user_agent";

    public const string Insert = """
        INSERT INTO user_session (session_key, user_id, created_at, last_seen_at, ended_at, user_agent)
        VALUES (@SessionKey, @UserId, @Now, @Now, NULL, @UserAgent)
        """;

    public const string ReadByKey = "SELECT " + Columns + " FROM user_session WHERE session_key = @SessionKey";

    /// <summary><see cref="ReadByKey"/> with the user's <c>active</c> and <c>security_stamp</c> (split on <c>active</c>).</summary>
    public const string ReadWithUserByKey = """
        SELECT s.id, s.session_key, s.user_id, s.created_at, s.last_seen_at, s.ended_at, s.user_agent, u.active, u.security_stamp
        FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.session_key = @SessionKey
        """;

    public const string ReadOpenByUser = "SELECT " + Columns + " FROM user_session WHERE user_id = @UserId AND ended_at IS NULL ORDER BY created_at DESC, id DESC";

    public const string Touch = "UPDATE user_session SET last_seen_at = @Now WHERE id = @Id";

    public const string End = "UPDATE user_session SET ended_at = @Now WHERE id = @Id AND user_id = @UserId AND ended_at IS NULL";
}
