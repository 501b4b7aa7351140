using System.Data.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Monitoring;
using Dapper;

namespace ContractRegie.Data.Monitoring;

public sealed record OutcomeMeasurementFilter(long? ContractId = null, string? Indicator = null, string? Period = null);

/// <summary>Outcome measurements; (contract, indicator, period) is their natural key.</summary>
public sealed class OutcomeMeasurementRepository
{
    private readonly Database _database;
    private readonly AuditedRows<OutcomeMeasurement> _rows;

    public OutcomeMeasurementRepository(Database database, AuditTrail audit)
    {
        _database = database;
        _rows = new AuditedRows<OutcomeMeasurement>(database, audit, "outcome_measurement", (id, tx) => ReadByIdAsync(id, tx));
    }

    public Task<OutcomeMeasurement?> ReadByIdAsync(long id, DbTransaction? transaction = null) =>
        _database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<OutcomeMeasurement>(OutcomeMeasurementSql.ReadById, new { Id = id }, transaction));

    public Task<OutcomeMeasurement?> ReadByKeyAsync(long contractId, string indicator, string period, DbTransaction? transaction = null) =>
        _database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<OutcomeMeasurement>(OutcomeMeasurementSql.ReadByKey,
            new { ContractId = contractId, Indicator = indicator, Period = period }, transaction));

    public Task<IReadOnlyList<OutcomeMeasurement>> ReadByContractAsync(long contractId, DbTransaction? transaction = null) =>
        _database.RunAsync<IReadOnlyList<OutcomeMeasurement>>(transaction, async c =>
            (await c.QueryAsync<OutcomeMeasurement>(OutcomeMeasurementSql.ReadByContract, new { ContractId = contractId }, transaction)).AsList());

    /// <summary>The measurements of the contracts with ids from <paramref name="firstId"/> to <paramref name="lastId"/>: a chunk of the nightly monitoring.</summary>
    public async Task<IReadOnlyList<OutcomeMeasurement>> ReadInIdRangeAsync(long firstId, long lastId, DbTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<OutcomeMeasurement>(OutcomeMeasurementSql.ReadInIdRange, new { FirstId = firstId, LastId = lastId }, transaction)).AsList();

    public Task<Page<OutcomeMeasurement>> SearchAsync(OutcomeMeasurementFilter filter, PageRequest page) =>
        _database.RunAsync(null, async c =>
        {
            var parameters = new { filter.ContractId, filter.Indicator, filter.Period, page.Offset, Limit = page.PageSize };
            var total = await c.ExecuteScalarAsync<int>(OutcomeMeasurementSql.Count(filter), parameters);
            var items = await c.QueryAsync<OutcomeMeasurement>(OutcomeMeasurementSql.Search(_database.Dialect, filter), parameters);
            return new Page<OutcomeMeasurement>(items.AsList(), page.PageNumber, page.PageSize, total);
        });

    public Task<long> InsertAsync(OutcomeMeasurement measurement, DbTransaction? transaction = null) =>
        _rows.InsertAsync(OutcomeMeasurementSql.Insert, measurement, transaction);

    public Task<WriteResult> UpdateAsync(OutcomeMeasurement measurement, DbTransaction? transaction = null) =>
        _rows.UpdateAsync(measurement.Id, OutcomeMeasurementSql.Update, measurement, transaction);

    public Task<WriteResult> DeleteAsync(long id, long rowVersion) => _rows.DeleteAsync(id, OutcomeMeasurementSql.Delete, new { Id = id, RowVersion = rowVersion }, null);
}
