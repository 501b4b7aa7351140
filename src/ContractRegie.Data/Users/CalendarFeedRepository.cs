using System.Security.Cryptography;
using System.Text;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql.Users;
using Dapper;

namespace ContractRegie.Data.Users;

/// <summary>
/// The secret tokens of the users' calendar feeds. A token is 256 random bits in the feed's URL; only its SHA-256 is
/// stored (a random token needs no salt). Issuing a new one replaces the old, audited without either.
/// </summary>
public sealed class CalendarFeedRepository(Database database, AuditTrail audit, TimeProvider time)
{
    private const string Entity = "calendar_feed";

    /// <summary>A fresh token for <paramref name="userId"/>, shown once; the previous one no longer opens a feed.</summary>
    public Task<string> RenewAsync(long userId) =>
        database.InTransactionAsync(null, async tx =>
        {
            var connection = tx.Connection!;
            var token = Base64Url(RandomNumberGenerator.GetBytes(32));
            var before = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(CalendarFeedSql.ReadIssuedAt, new { UserId = userId }, tx);
            var issuedAt = time.GetUtcNow();
            await connection.ExecuteAsync(CalendarFeedSql.Delete, new { UserId = userId }, tx);
            await connection.ExecuteAsync(CalendarFeedSql.Insert, new { UserId = userId, TokenHash = Hash(token), IssuedAt = issuedAt }, tx);
            await audit.AppendAsync(tx, before is null ? AuditAction.Create : AuditAction.Update, Entity, userId,
                before is null ? null : new { IssuedAt = before }, new { IssuedAt = issuedAt });
            return token;
        });

    /// <summary>Whose feed <paramref name="token"/> opens; null for a wrong, renewed or never issued token.</summary>
    public Task<long?> ReadUserIdAsync(string token) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<long?>(CalendarFeedSql.ReadUserIdByTokenHash, new { TokenHash = Hash(token) }));

    public Task<DateTimeOffset?> ReadIssuedAtAsync(long userId) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<DateTimeOffset?>(CalendarFeedSql.ReadIssuedAt, new { UserId = userId }));

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>URL-safe without padding, so the token sits in a path as it is.</summary>
    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
