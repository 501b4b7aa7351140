using System.Data.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql.Spending;
using Dapper;

namespace ContractRegie.Data.Spending;

/// <summary>
/// The share keys of regional contracts, written as one audited row with its shares as children
/// (<see cref="AuditedRows{T}"/>): the audit's images hold the whole key. A key decides its contract's budget per
/// municipality, so every write computes the contract's <see cref="BudgetPositions"/> again.
/// </summary>
public sealed class BudgetShareKeyRepository(Database database, AuditTrail audit, BudgetPositions positions)
{
    private const string Entity = "budget_share_key";

    public async Task<BudgetShareKey?> ReadByContractAsync(long contractId) =>
        await database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<KeyRow>(BudgetShareSql.KeyByContract, new { ContractId = contractId }))
            is { } key ? await ReadAsync(key.Id, null) : null;

    /// <summary>Every key with its shares (or those of some providers' contracts, <see cref="ReconciliationSql"/>), on the reconciliation's connection.</summary>
    internal static async Task<IReadOnlyList<BudgetShareKey>> ReadForReconciliationAsync(
        DbConnection connection, bool providers, object scope, DbTransaction? transaction) =>
        (await connection.QueryAsync<ShareRow>(ReconciliationSql.Shares(providers), scope, transaction))
        .GroupBy(row => (row.ShareKeyId, row.ContractId, row.RowVersion))
        .Select(key => ToKey(key.Key.ShareKeyId, key.Key.ContractId, key.Key.RowVersion, key))
        .ToList();

    public Task<long> InsertAsync(BudgetShareKey key) =>
        Rows.InsertAsync(BudgetShareSql.InsertKey, new { key.ContractId }, null, async (id, tx) =>
        {
            await InsertSharesAsync(id, key, tx);
            await positions.RecomputeContractAsync(key.ContractId, tx);
        });

    /// <summary>Replaces the shares if the key's version is still <see cref="BudgetShareKey.RowVersion"/>.</summary>
    public Task<WriteResult> UpdateAsync(BudgetShareKey key) =>
        Rows.UpdateAsync(key.Id, BudgetShareSql.UpdateKey, new { key.Id, key.RowVersion }, null, async (id, tx) =>
        {
            await tx.Connection!.ExecuteAsync(BudgetShareSql.DeleteShares, new { Id = id }, tx);
            await InsertSharesAsync(id, key, tx);
            await positions.RecomputeContractAsync(key.ContractId, tx);
        });

    public Task<WriteResult> DeleteAsync(long id, long rowVersion) =>
        Rows.DeleteAsync(id, BudgetShareSql.DeleteKey, new { Id = id, RowVersion = rowVersion }, null,
            (deleted, tx) => positions.RecomputeContractAsync(deleted.ContractId, tx));

    private AuditedRows<BudgetShareKey> Rows => new(database, audit, Entity, ReadAsync);

    private Task<BudgetShareKey?> ReadAsync(long id, DbTransaction? transaction) =>
        database.RunAsync(transaction, async c =>
            await c.QuerySingleOrDefaultAsync<KeyRow>(BudgetShareSql.KeyById, new { Id = id }, transaction) is { } key
                ? ToKey(key.Id, key.ContractId, key.RowVersion, await c.QueryAsync<ShareRow>(BudgetShareSql.SharesOfKey, new { Id = id }, transaction))
                : null);

    private static Task InsertSharesAsync(long id, BudgetShareKey key, DbTransaction tx) =>
        tx.Connection!.ExecuteAsync(BudgetShareSql.InsertShare,
            key.Shares.Select(share => new { ShareKeyId = id, share.MunicipalityCode, share.Percent }), tx);

    private static BudgetShareKey ToKey(long id, long contractId, long rowVersion, IEnumerable<ShareRow> shares) => new()
    {
        Id = id, ContractId = contractId, RowVersion = rowVersion,
        Shares = shares.Select(s => new BudgetShare(s.MunicipalityCode, s.SharePercent)).ToList(),
    };

    private sealed record KeyRow
    {
        public long Id { get; init; }
        public long ContractId { get; init; }
        public long RowVersion { get; init; }
    }

    private sealed record ShareRow
    {
        public long ShareKeyId { get; init; }
        public long ContractId { get; init; }
        public long RowVersion { get; init; }
        public string MunicipalityCode { get; init; } = "";
        public decimal SharePercent { get; init; }
    }
}
