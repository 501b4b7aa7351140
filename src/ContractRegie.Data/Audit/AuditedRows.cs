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

    /// <summary>Writes if the row's version is still the <c>RowVersion</c> in <paramref name="parameters"/>.</summary>
    public Task<WriteResult> UpdateAsync(long id, string updateSql, object parameters, DbTransaction? transaction) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            if (await read(id, tx) is not { } before)
            {
                return WriteResult.NotFound;
            }
            if (await tx.Connection!.ExecuteAsync(updateSql, parameters, tx) == 0)
            {
                return WriteResult.Stale;
            }
            await audit.AppendAsync(tx, AuditAction.Update, entity, id, before, await read(id, tx));
            return WriteResult.Written;
        });

    public Task<WriteResult> DeleteAsync(long id, long rowVersion, string deleteSql, DbTransaction? transaction) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            if (await read(id, tx) is not { } before)
            {
                return WriteResult.NotFound;
            }
            if (await tx.Connection!.ExecuteAsync(deleteSql, new { Id = id, RowVersion = rowVersion }, tx) == 0)
            {
                return WriteResult.Stale;
            }
            await audit.AppendAsync(tx, AuditAction.Delete, entity, id, before, null);
            return WriteResult.Written;
        });
}
