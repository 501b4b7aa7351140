using System.Data.Common;
using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql.Users;
using Dapper;

namespace ContractRegie.Data.Users;

public sealed class UserRepository(Database database, AuditTrail audit)
{
    public Task<StoredUser?> ReadByIdAsync(long id) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<StoredUser>(UserSql.ReadById, new { Id = id }));

    public Task<StoredUser?> ReadByUserNameAsync(string userName, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<StoredUser>(UserSql.ReadByUserName, new { UserName = userName }, transaction));

    public Task<IReadOnlyList<StoredUser>> ReadAllAsync(DbTransaction? transaction = null) =>
        database.RunAsync<IReadOnlyList<StoredUser>>(transaction, async c => (await c.QueryAsync<StoredUser>(UserSql.ReadAll, transaction: transaction)).AsList());

    public Task<int> CountAsync(DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<int>(UserSql.CountAll, transaction: transaction));

    private const string Entity = "user";

    public Task<long> InsertAsync(UserAccount account, string? passwordHash, DbTransaction? transaction = null) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            var id = await tx.Connection!.ExecuteScalarAsync<long>(UserSql.Insert + ";\n" + database.Dialect.SelectInsertedId,
                new
                {
                    account.UserName, account.DisplayName, account.Email, Roles = Roles.Format(account.Roles), PasswordHash = passwordHash,
                    account.Active, SecurityStamp = SecurityStamps.New(),
                },
                tx);
            await audit.AppendAsync(tx, AuditAction.Create, Entity, id, null, Audited(account));
            return id;
        });

    public Task<bool> UpdateAsync(UserAccount account, DbTransaction? transaction = null) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            if (await tx.Connection!.QuerySingleOrDefaultAsync<StoredUser>(UserSql.ReadById, new { account.Id }, tx) is not { } before)
            {
                return false;
            }
            // Fewer rights or none must not wait for the old cookie to expire: a new stamp ends the user's sessions.
            var roles = Roles.Format(account.Roles);
            var stamp = roles == Roles.Format(before.ToAccount().Roles) && account.Active == before.Active ? before.SecurityStamp : SecurityStamps.New();
            await tx.Connection!.ExecuteAsync(UserSql.Update,
                new { account.Id, account.DisplayName, account.Email, Roles = roles, account.Active, SecurityStamp = stamp }, tx);
            await audit.AppendAsync(tx, AuditAction.Update, Entity, account.Id, Audited(before.ToAccount()), Audited(account));
            return true;
        });

    public Task<bool> UpdatePasswordAsync(long id, string passwordHash, DbTransaction? transaction = null) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            var changed = await tx.Connection!.ExecuteAsync(UserSql.UpdatePassword,
                new { Id = id, PasswordHash = passwordHash, SecurityStamp = SecurityStamps.New() }, tx) == 1;
            if (changed)
            {
                await audit.AppendAsync(tx, AuditAction.PasswordChange, Entity, id, null, null);
            }
            return changed;
        });

    /// <summary>Stores the user's choice for non-urgent signals; false when the user does not exist.</summary>
    public Task<bool> UpdateMailFrequencyAsync(long id, MailFrequency frequency) =>
        database.InTransactionAsync(null, async tx =>
        {
            if (await tx.Connection!.QuerySingleOrDefaultAsync<StoredUser>(UserSql.ReadById, new { Id = id }, tx) is not { } before)
            {
                return false;
            }
            await tx.Connection!.ExecuteAsync(UserSql.UpdateMailFrequency, new { Id = id, MailFrequency = frequency }, tx);
            await audit.AppendAsync(tx, AuditAction.Update, Entity, id, new { before.UserName, before.MailFrequency }, new { before.UserName, MailFrequency = frequency });
            return true;
        });

    /// <summary>The audit trail leaves personal data out: no e-mail address, never a password hash.</summary>
    private static object Audited(UserAccount account) =>
        new { account.UserName, account.DisplayName, Roles = Roles.Format(account.Roles), account.Active };

    public Task RecordSignInResultAsync(long id, int failedSignIns, DateTimeOffset? lockedUntil) =>
        database.RunAsync(null, c => c.ExecuteAsync(UserSql.RecordSignInResult, new { Id = id, FailedSignIns = failedSignIns, LockedUntil = lockedUntil }));
}
