using System.Data.Common;
using Dapper;

namespace ContractRegie.Data.Audit;

/// <summary>
/// The one way a row of <paramref name="entity"/> is inserted, updated or deleted: with its audit entry, in the caller's
/// transaction or one of its own. The audit's images are the stored row as <paramref name="read"/> returns it by id,
/// before and after the write, so what the trail shows is what the database held. Inserts and updates stamp the row: their SQL
/// sets <c>updated_at = @UpdatedAt</c>, the instant of the audit entry (<see cref="UpdatedAtStamp"/>).
/// </summary>
public sealed class AuditedRows<T>(Database database, AuditTrail audit, string entity, Func<long, DbTransaction, Task<T?>> read)
    where T : class
{
    /// <summary>Writes the row, then <paramref name="children"/> (rows that belong to it, e.g. a contract's options), then the audit entry.</summary>
    public Task<long> InsertAsync(string insertSql, object parameters, DbTransaction? transaction, Func<long, DbTransaction, Task>? children = null) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            var now = audit.Now();
            var id = await tx.Connection!.ExecuteScalarAsync<long>(insertSql + ";\n" + database.Dialect.SelectInsertedId, UpdatedAtStamp.On(parameters, now), tx);
            if (children is not null)
            {
                await children(id, tx);
            }
            await audit.AppendAsync(tx, AuditAction.Create, entity, id, null, await read(id, tx), occurredAt: now);
            return id;
        });

    /// <summary>Writes if the row's version is still the <c>RowVersion</c> in <paramref name="parameters"/>.</summary>
    public Task<WriteResult> UpdateAsync(long id, string updateSql, object parameters, DbTransaction? transaction, Func<long, DbTransaction, Task>? children = null) =>
        UpdateAsync(id, updateSql, _ => parameters, transaction, children);

    /// <summary>As above, with parameters that depend on the stored row (a column the update keeps, e.g. a contract's latest decision).</summary>
    public Task<WriteResult> UpdateAsync(long id, string updateSql, Func<T, object> parameters, DbTransaction? transaction,
        Func<long, DbTransaction, Task>? children = null) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            if (await read(id, tx) is not { } before)
            {
                return WriteResult.NotFound;
            }
            var now = audit.Now();
            if (await tx.Connection!.ExecuteAsync(updateSql, UpdatedAtStamp.On(parameters(before), now), tx) == 0)
            {
                return WriteResult.Stale;
            }
            if (children is not null)
            {
                await children(id, tx);
            }
            await audit.AppendAsync(tx, AuditAction.Update, entity, id, before, await read(id, tx), occurredAt: now);
            return WriteResult.Written;
        });

    /// <summary>
    /// Deletes if the row's version is still the <c>RowVersion</c> in <paramref name="parameters"/>, then hands the deleted row to
    /// <paramref name="after"/> in the same transaction (what the row decided elsewhere, e.g. a budget position).
    /// </summary>
    public Task<WriteResult> DeleteAsync(long id, string deleteSql, object parameters, DbTransaction? transaction, Func<T, DbTransaction, Task>? after = null) =>
        database.InTransactionAsync(transaction, async tx =>
        {
            if (await read(id, tx) is not { } before)
            {
                return WriteResult.NotFound;
            }
            if (await tx.Connection!.ExecuteAsync(deleteSql, parameters, tx) == 0)
            {
                return WriteResult.Stale;
            }
            if (after is not null)
            {
                await after(before, tx);
            }
            await audit.AppendAsync(tx, AuditAction.Delete, entity, id, before, null);
            return WriteResult.Written;
        });
}
