using ContractRegie.Data.Sql.Contracts;

namespace ContractRegie.Data.Sql.Spending;

/// <summary>
/// What the reconciliation reads: for the whole register, or with <c>oneProvider</c> only one provider's contracts
/// (<c>@ProviderId</c>). A contract's or a provider's page then reads its own rows through the indexes that lead with
/// contract_id instead of adding up the year of the whole register.
/// </summary>
public static class ReconciliationSql
{
    /// <summary>
    /// The provider's contracts, not only the one asked for: an allocation commits on the provider's latest contract
    /// for its law and product, so one contract's commitments depend on its siblings.
    /// </summary>
    private const string ProviderContracts = "SELECT id FROM contract WHERE provider_id = @ProviderId";

    public const string ProviderOfContract = "SELECT provider_id FROM contract WHERE id = @ContractId";

    public static string Contracts(bool oneProvider) => SpendingSql.Contracts + (oneProvider ? " WHERE c.provider_id = @ProviderId" : "");

    public static string Budgets(bool oneProvider) =>
        ContractTermsSql.BudgetsForYear + (oneProvider ? " AND contract_id IN (" + ProviderContracts + ")" : "");

    public static string Tariffs(bool oneProvider) =>
        ContractTermsSql.AllTariffs + (oneProvider ? " WHERE contract_id IN (" + ProviderContracts + ")" : "");

    public static string Allocations(bool oneProvider) =>
        AllocationSql.AllocationsRunningAfter + (oneProvider ? " AND provider_agb_code IN (SELECT agb_code FROM provider WHERE id = @ProviderId)" : "");

    /// <summary>
    /// Spending per contract and municipality in a year, from the imports' totals (<see cref="SpendingSql.AddTotals"/>):
    /// credit lines count negative, observed is the part delivered by @ObservedUpTo (the run-rate's base), the part on
    /// lines with an exception is "in onderzoek". Unmatched lines have no contract and are not in the totals.
    /// </summary>
    public static string Spent(bool oneProvider) => """
        SELECT t.contract_id, t.municipality_code,
               CAST(SUM(t.spent_cents) AS bigint) AS spent_cents,
               CAST(SUM(CASE WHEN t.delivery_end > @ObservedUpTo THEN 0 ELSE t.spent_cents END) AS bigint) AS observed_cents,
               CAST(SUM(t.in_investigation_cents) AS bigint) AS in_investigation_cents,
               SUM(t.line_count) AS line_count,
               SUM(t.exception_count) AS exception_count
        FROM spending_total t
        WHERE t.delivery_year = @Year
        """ + (oneProvider ? " AND t.contract_id IN (" + ProviderContracts + ")" : "") + " GROUP BY t.contract_id, t.municipality_code";

    /// <summary>The share keys with their shares.</summary>
    public static string Shares(bool oneProvider) => """
        SELECT k.id AS share_key_id, k.contract_id, k.row_version, s.municipality_code, s.share_percent
        FROM budget_share_key k JOIN budget_share s ON s.share_key_id = k.id
        """ + (oneProvider ? " WHERE k.contract_id IN (" + ProviderContracts + ")" : "") + " ORDER BY k.id, s.municipality_code";
}
