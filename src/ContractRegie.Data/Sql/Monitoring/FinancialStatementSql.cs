using ContractRegie.Data.Dialects;
using ContractRegie.Data.Monitoring;

namespace ContractRegie.Data.Sql.Monitoring;

public static class FinancialStatementSql
{
    private const string Columns = """
        id, provider_id, year, revenue_cents, result_cents, equity_cents, total_assets_cents, current_assets_cents,
        current_liabilities_cents, municipal_revenue_cents, auditor_opinion, going_concern_note, filed_on, row_version
        """;

    public const string ReadById = "SELECT " + Columns + " FROM financial_statement WHERE id = @Id";
    public const string ReadByProvider = "SELECT " + Columns + " FROM financial_statement WHERE provider_id = @ProviderId ORDER BY year";
    public const string ReadByKey = "SELECT " + Columns + " FROM financial_statement WHERE provider_id = @ProviderId AND year = @Year";

    /// <summary>The statements of the providers with <paramref name="ids"/> ids (@ProviderId0, @ProviderId1 …).</summary>
    public static string ReadByProviders(int ids) =>
        "SELECT " + Columns + " FROM financial_statement WHERE provider_id IN (" + SqlRows.List("ProviderId", ids) + ")";

    public const string Insert = """
        INSERT INTO financial_statement (provider_id, year, revenue_cents, result_cents, equity_cents, total_assets_cents, current_assets_cents,
                                         current_liabilities_cents, municipal_revenue_cents, auditor_opinion, going_concern_note, filed_on)
        VALUES (@ProviderId, @Year, @RevenueCents, @ResultCents, @EquityCents, @TotalAssetsCents, @CurrentAssetsCents,
                @CurrentLiabilitiesCents, @MunicipalRevenueCents, @AuditorOpinion, @GoingConcernNote, @FiledOn)
        """;
    public const string Update = """
        UPDATE financial_statement
        SET revenue_cents = @RevenueCents, result_cents = @ResultCents, equity_cents = @EquityCents, total_assets_cents = @TotalAssetsCents,
            current_assets_cents = @CurrentAssetsCents, current_liabilities_cents = @CurrentLiabilitiesCents,
            municipal_revenue_cents = @MunicipalRevenueCents, auditor_opinion = @AuditorOpinion, going_concern_note = @GoingConcernNote,
            filed_on = @FiledOn, row_version = row_version + 1
        WHERE id = @Id AND row_version = @RowVersion
        """;
    public const string Delete = "DELETE FROM financial_statement WHERE id = @Id AND row_version = @RowVersion";

    public const string WhereProvider = "provider_id = @ProviderId";
    public const string WhereYear = "year = @Year";

    public static string Search(ISqlDialect dialect, FinancialStatementFilter filter) =>
        "SELECT " + Columns + " FROM financial_statement " + Where(filter) + " ORDER BY provider_id, year DESC " + dialect.Paging;

    public static string Count(FinancialStatementFilter filter) => "SELECT COUNT(*) FROM financial_statement " + Where(filter);

    private static SqlWhere Where(FinancialStatementFilter filter) => new SqlWhere()
        .When(filter.ProviderId is not null, WhereProvider)
        .When(filter.Year is not null, WhereYear);
}
