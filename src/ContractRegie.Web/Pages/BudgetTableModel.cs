using ContractRegie.Core.Spending;

namespace ContractRegie.Web.Pages;

/// <summary>
/// A year's budgets against spending, a row per contract and municipality (_BudgetTable): on a provider's page each row names
/// and links its contract; on a contract's page, where the contract is known, each row names its municipality.
/// </summary>
public sealed record BudgetTableModel(string Id, IReadOnlyList<ReconciliationRow> Rows, decimal NearlyExhaustedPercent, bool PerContract)
{
    public string FirstHeader => PerContract ? "Contract en gemeente" : "Gemeente";

    public static string Label(ReconciliationRow row) =>
        row.ContractNumber + (row.MunicipalityCode is { } code ? " " + Core.Common.Municipalities.Name(code) : "");
}
