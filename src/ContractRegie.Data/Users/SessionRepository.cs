using System.Security.Cryptography;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql.Users;
using Dapper;

namespace ContractRegie.Data.Users;

/// <summary>A built-in session as stored; <see cref="SessionKey"/> is what the cookie carries.</summary>
public sealed class StoredSession
{
    public long Id { get; init; }
    public string SessionKey { get; init; } = "";
    public long UserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? UserAgent { get; init; }
}

/// <summary>What a session's user row says about the session: whether the user is active, and the stamp its cookie must carry.</summary>
public sealed class SessionUser
{
    public bool Active { get; init; }
    public string SecurityStamp { get; init; } = "";
}

public sealed class SessionRepository(Database database, AuditTrail audit, TimeProvider time)
{
    /// <summary>Last seen is written at most this often, so a busy session does not write on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);
    private const int MaxUserAgentLength = 200;
    private const string Entity = "session";

    public async Task<string> StartAsync(long userId, string? userAgent)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var agent = userAgent is { Length: > MaxUserAgentLength } ? userAgent[..MaxUserAgentLength] : userAgent;
        await database.RunAsync(null, c => c.ExecuteAsync(SessionSql.Insert,
            new { SessionKey = key, UserId = userId, Now = time.GetUtcNow(), UserAgent = agent }));
        return key;
    }

    public Task<StoredSession?> ReadByKeyAsync(string key) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<StoredSession>(SessionSql.ReadByKey, new { SessionKey = key }));

    /// <summary>The session with this key and its user in one read: what every signed-in request checks.</summary>
    public async Task<(StoredSession Session, SessionUser User)?> ReadWithUserAsync(string key) =>
        (await database.RunAsync(null, c => c.QueryAsync<StoredSession, SessionUser, (StoredSession Session, SessionUser User)?>(
            SessionSql.ReadWithUserByKey, (session, user) => (session, user), new { SessionKey = key }, splitOn: "active")))
        .SingleOrDefault();

    public Task<IReadOnlyList<StoredSession>> ReadOpenAsync(long userId) =>
        database.RunAsync<IReadOnlyList<StoredSession>>(null, async c =>
            (await c.QueryAsync<StoredSession>(SessionSql.ReadOpenByUser, new { UserId = userId })).AsList());

    public async Task TouchIfDueAsync(StoredSession session)
    {
        var now = time.GetUtcNow();
        if (now - session.LastSeenAt >= TouchInterval)
        {
            await database.RunAsync(null, c => c.ExecuteAsync(SessionSql.Touch, new { session.Id, Now = now }));
        }
    }

    /// <summary>Ends one of the user's own sessions; false when it is not theirs or already ended.</summary>
    public Task<bool> EndAsync(long userId, long sessionId) =>
        database.InTransactionAsync(null, async tx =>
        {
            var ended = await tx.Connection!.ExecuteAsync(SessionSql.End, new { Id = sessionId, UserId = userId, Now = time.GetUtcNow() }, tx) == 1;
            if (ended)
            {
                await audit.AppendAsync(tx, AuditAction.SignOut, Entity, sessionId, null, new { UserId = userId });
            }
            return ended;
        });
}
