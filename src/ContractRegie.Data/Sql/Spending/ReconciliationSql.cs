using ContractRegie.Data.Dialects;
using ContractRegie.Data.Sql.Contracts;

namespace ContractRegie.Data.Sql.Spending;

/// <summary>
/// What the reconciliation reads: for the whole register, or with <c>providers</c> only the contracts of the providers with
/// ids <c>@FirstProviderId</c> to <c>@LastProviderId</c> (one provider: both its id). A contract's or a provider's page then
/// reads its own rows through the indexes that lead with contract_id instead of adding up the year of the whole register,
/// and the nightly job reads the year a chunk of providers at a time.
/// </summary>
public static class ReconciliationSql
{
    /// <summary>
    /// The providers' contracts, not only the one asked for: an allocation commits on the provider's latest contract
    /// for its law and product, so one contract's commitments depend on its siblings.
    /// </summary>
    public const string ContractsOfProviders = "SELECT id FROM contract WHERE " + OfProviders;

    private const string OfProviders = "provider_id " + ProviderIdsInRange;

    private const string ProviderIdsInRange = "BETWEEN @FirstProviderId AND @LastProviderId";

    public const string ProviderOfContract = "SELECT provider_id FROM contract WHERE id = @ContractId";

    public static string Contracts(bool providers) => SpendingSql.Contracts + (providers ? " WHERE c." + OfProviders : "");

    public static string Budgets(bool providers) =>
        ContractTermsSql.BudgetsForYear + (providers ? " AND contract_id IN (" + ContractsOfProviders + ")" : "");

    public static string Tariffs(bool providers) =>
        ContractTermsSql.AllTariffs + (providers ? " WHERE contract_id IN (" + ContractsOfProviders + ")" : "");

    public static string Allocations(bool providers) =>
        AllocationSql.AllocationsRunningAfter
        + (providers ? " AND provider_agb_code IN (SELECT agb_code FROM provider WHERE id " + ProviderIdsInRange + ")" : "");

    /// <summary>
    /// Spending per contract and municipality in a year, from the imports' totals (<see cref="SpendingSql.AddTotals"/>):
    /// credit lines count negative, observed is the part delivered by @ObservedUpTo (the run-rate's base), the part on
    /// lines with an exception is "in onderzoek". Unmatched lines have no contract and are not in the totals.
    /// </summary>
    public static string Spent(bool providers) => """
        SELECT t.contract_id, t.municipality_code,
               CAST(SUM(t.spent_cents) AS bigint) AS spent_cents,
               CAST(SUM(CASE WHEN t.delivery_end > @ObservedUpTo THEN 0 ELSE t.spent_cents END) AS bigint) AS observed_cents,
               CAST(SUM(t.in_investigation_cents) AS bigint) AS in_investigation_cents,
               SUM(t.line_count) AS line_count,
               SUM(t.exception_count) AS exception_count
        FROM spending_total t
        WHERE t.delivery_year = @Year
        """ + (providers ? " AND t.contract_id IN (" + ContractsOfProviders + ")" : "") + " GROUP BY t.contract_id, t.municipality_code";

    /// <summary>The share keys with their shares.</summary>
    public static string Shares(bool providers) => """
        SELECT k.id AS share_key_id, k.contract_id, k.row_version, s.municipality_code, s.share_percent
        FROM budget_share_key k JOIN budget_share s ON s.share_key_id = k.id
        """ + (providers ? " WHERE k.contract_id IN (" + ContractsOfProviders + ")" : "") + " ORDER BY k.id, s.municipality_code";

    /// <summary>The next <c>@Limit</c> provider ids after <c>@AfterId</c>: a chunk of the year's reconciliation read by key.</summary>
    public static string ProviderIdsAfter(ISqlDialect dialect) => "SELECT id FROM provider WHERE id > @AfterId ORDER BY id " + dialect.Paging;

    public const string ProviderCount = "SELECT COUNT(*) FROM provider";
}
