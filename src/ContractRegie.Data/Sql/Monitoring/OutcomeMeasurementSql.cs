using ContractRegie.Data.Dialects;
using ContractRegie.Data.Monitoring;

namespace ContractRegie.Data.Sql.Monitoring;

public static class OutcomeMeasurementSql
{
    private const string Columns = "id, contract_id, indicator, period, value, reported_on, source, row_version";

    /// <summary>The measurements of every contract with an id from @FirstId to @LastId.</summary>
    public const string ReadInIdRange = "SELECT " + Columns + " FROM outcome_measurement WHERE contract_id >= @FirstId AND contract_id <= @LastId";
    public const string ReadById = "SELECT " + Columns + " FROM outcome_measurement WHERE id = @Id";
    public const string ReadByContract = "SELECT " + Columns + " FROM outcome_measurement WHERE contract_id = @ContractId ORDER BY indicator, period";
    public const string ReadByKey =
        "SELECT " + Columns + " FROM outcome_measurement WHERE contract_id = @ContractId AND indicator = @Indicator AND period = @Period";

    public const string Insert = """
        INSERT INTO outcome_measurement (contract_id, indicator, period, value, reported_on, source)
        VALUES (@ContractId, @Indicator, @Period, @Value, @ReportedOn, @Source)
        """;
    public const string Update = """
        UPDATE outcome_measurement SET value = @Value, reported_on = @ReportedOn, source = @Source, row_version = row_version + 1
        WHERE id = @Id AND row_version = @RowVersion
        """;
    public const string Delete = "DELETE FROM outcome_measurement WHERE id = @Id AND row_version = @RowVersion";

    public const string WhereContract = "contract_id = @ContractId";
    public const string WhereIndicator = "indicator = @Indicator";
    public const string WherePeriod = "period = @Period";

    public static string Search(ISqlDialect dialect, OutcomeMeasurementFilter filter) =>
        "SELECT " + Columns + " FROM outcome_measurement " + Where(filter) + " ORDER BY contract_id, indicator, period DESC, id " + dialect.Paging;

    public static string Count(OutcomeMeasurementFilter filter) => "SELECT COUNT(*) FROM outcome_measurement " + Where(filter);

    private static SqlWhere Where(OutcomeMeasurementFilter filter) => new SqlWhere()
        .When(filter.ContractId is not null, WhereContract)
        .When(filter.Indicator is not null, WhereIndicator)
        .When(filter.Period is not null, WherePeriod);
}
