using System.Data.Common;
using Dapper;

namespace ContractRegie.Data.Audit;

/// <summary>
/// Insert, update and delete of one row of <paramref name="entity"/> together with its audit entry, in the
/// caller's transaction or one of their own. <paramref name="read"/> fetches the row's current state by id.
/// </summary>
public sealed class AuditedRows<T>(Database database, AuditTrail audit, string entity, Func<long, DbTransaction, Task<T?>> read)
    where T : class
{
    public Task<long> InsertAsync(string insertSql, object parameters, DbTransaction? transaction) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            var id = await tx.Connection!.ExecuteScalarAsync<long>(insertSql + ";\n" + database.Dialect.SelectInsertedId, parameters, tx);
            await audit.AppendAsync(tx, AuditAction.Create, entity, id, null, await read(id, tx));
            return id;
        });

    /// <summary>False when there is no row with <paramref name="id"/>.</summary>
    public Task<bool> UpdateAsync(long id, string updateSql, object parameters, DbTransaction? transaction) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            if (await read(id, tx) is not { } before)
            {
                return false;
            }
            await tx.Connection!.ExecuteAsync(updateSql, parameters, tx);
            await audit.AppendAsync(tx, AuditAction.Update, entity, id, before, await read(id, tx));
            return true;
        });

    /// <summary>False when there is no row with <paramref name="id"/>.</summary>
    public Task<bool> DeleteAsync(long id, string deleteSql, DbTransaction? transaction) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            if (await read(id, tx) is not { } before)
            {
                return false;
            }
            await tx.Connection!.ExecuteAsync(deleteSql, new { Id = id }, tx);
            await audit.AppendAsync(tx, AuditAction.Delete, entity, id, before, null);
            return true;
        });
}
