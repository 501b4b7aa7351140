using System.Data.Common;
using ContractRegie.Core.Security;
using ContractRegie.Data.Sql.Users;
using Dapper;

namespace ContractRegie.Data.Users;

public sealed class UserRepository(Database database)
{
    public Task<StoredUser?> ReadByIdAsync(long id) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<StoredUser>(UserSql.ReadById, new { Id = id }));

    public Task<StoredUser?> ReadByUserNameAsync(string userName, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<StoredUser>(UserSql.ReadByUserName, new { UserName = userName }, transaction));

    public Task<IReadOnlyList<StoredUser>> ReadAllAsync() =>
        database.RunAsync<IReadOnlyList<StoredUser>>(null, async c => (await c.QueryAsync<StoredUser>(UserSql.ReadAll)).AsList());

    public Task<int> CountAsync(DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<int>(UserSql.CountAll, transaction: transaction));

    public Task<long> InsertAsync(UserAccount account, string? passwordHash, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.ExecuteScalarAsync<long>(UserSql.Insert + ";\n" + database.Dialect.SelectInsertedId,
            new { account.UserName, account.DisplayName, account.Email, Roles = Roles.Format(account.Roles), PasswordHash = passwordHash, account.Active },
            transaction));

    public Task<bool> UpdateAsync(UserAccount account, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, async c => await c.ExecuteAsync(UserSql.Update,
            new { account.Id, account.DisplayName, account.Email, Roles = Roles.Format(account.Roles), account.Active }, transaction) == 1);

    public Task<bool> UpdatePasswordAsync(long id, string passwordHash, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, async c => await c.ExecuteAsync(UserSql.UpdatePassword, new { Id = id, PasswordHash = passwordHash }, transaction) == 1);

    public Task RecordSignInResultAsync(long id, int failedSignIns, DateTimeOffset? lockedUntil) =>
        database.RunAsync(null, c => c.ExecuteAsync(UserSql.RecordSignInResult, new { Id = id, FailedSignIns = failedSignIns, LockedUntil = lockedUntil }));
}
