using ContractRegie.Data.Sql.Contracts;

namespace ContractRegie.Data.Sql.Spending;

/// <summary>
/// What the reconciliation reads: for the whole register, or with <c>oneProvider</c> only one provider's contracts
/// (<c>@ProviderId</c>). A contract's or a provider's page then reads its own rows through the indexes that lead with
/// contract_id instead of adding up every line of the year.
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
    /// Spending per contract and municipality in a year; credit lines count negative. Observed is the part delivered by
    /// @ObservedUpTo (the run-rate's base); the part on lines with an exception is "in onderzoek". Unmatched lines have
    /// no contract and are left out.
    /// </summary>
    public static string Spent(bool oneProvider) => """
        SELECT l.contract_id, l.municipality_code,
               CAST(SUM(CASE WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END) AS bigint) AS spent_cents,
               CAST(SUM(CASE WHEN l.delivery_end > @ObservedUpTo THEN 0 WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END) AS bigint)
                   AS observed_cents,
               CAST(SUM(CASE WHEN l.exception_kind IS NULL THEN 0 WHEN l.debet_credit = 'C' THEN -l.amount_cents ELSE l.amount_cents END) AS bigint)
                   AS in_investigation_cents,
               COUNT(*) AS line_count,
               COUNT(l.exception_kind) AS exception_count
        FROM spending_line l
        WHERE l.contract_id IS NOT NULL AND l.delivery_year = @Year
        """ + (oneProvider ? " AND l.contract_id IN (" + ProviderContracts + ")" : "") + " GROUP BY l.contract_id, l.municipality_code";

    /// <summary>The share keys with their shares.</summary>
    public static string Shares(bool oneProvider) => """
        SELECT k.id AS share_key_id, k.contract_id, k.row_version, s.municipality_code, s.share_percent
        FROM budget_share_key k JOIN budget_share s ON s.share_key_id = k.id
        """ + (oneProvider ? " WHERE k.contract_id IN (" + ProviderContracts + ")" : "") + " ORDER BY k.id, s.municipality_code";
}
