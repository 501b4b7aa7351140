using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Export;
using ContractRegie.Data.Spending;

namespace ContractRegie.Web.Exports;

/// <summary>The reconciliation and the spending exceptions as the financial administration takes them (CSV or .xlsx).</summary>
public static class SpendingExport
{
    private static readonly ExportColumn[] ReconciliationColumns =
    [
        new("jaar", ExportKind.Number), new("contract_id", ExportKind.Number), new("contractnummer"), new("contractmanager"), new("zorgaanbieder"),
        new("wet"), new("gemeente"), new("budget", ExportKind.Euros), new("besteed", ExportKind.Euros), new("prognose_jaareinde", ExportKind.Euros),
        new("uitputting_procent", ExportKind.Number), new("verplicht", ExportKind.Euros), new("ruimte", ExportKind.Euros),
        new("in_onderzoek", ExportKind.Euros), new("regels", ExportKind.Number), new("uitzonderingen", ExportKind.Number),
    ];

    private static readonly ExportColumn[] ExceptionColumns =
    [
        new("regel_id", ExportKind.Number), new("import_id", ExportKind.Number), new("regel", ExportKind.Number), new("agb_code"), new("gemeente"),
        new("wet"), new("productcategorie"), new("productcode"), new("begindatum", ExportKind.Date), new("einddatum", ExportKind.Date),
        new("volume", ExportKind.Number), new("eenheid"), new("bedrag", ExportKind.Euros), new("debet_credit"), new("factuurnummer"),
        new("contract_id", ExportKind.Number), new("contractnummer"), new("soort"), new("reden"),
    ];

    private static readonly ExportColumn[] LawfulnessColumns =
    [
        new("jaar", ExportKind.Number), new("wet"), new("soort"), new("klasse"), new("bedrag", ExportKind.Euros), new("regels", ExportKind.Number),
        new("totaal_besteed", ExportKind.Euros), new("fouten", ExportKind.Euros), new("onzekerheden", ExportKind.Euros),
        new("grens_procent", ExportKind.Number), new("grens", ExportKind.Euros), new("boven_grens"),
    ];

    public static ExportTable Reconciliation(int year, IReadOnlyList<ReconciliationRow> rows) =>
        new($"afstemming-{year}", ReconciliationColumns, rows.Select(row => new object?[]
        {
            row.Year, row.ContractId, row.ContractNumber, row.ContractManager, row.ProviderName, row.Law, row.MunicipalityCode,
            row.BudgetCents, row.SpentCents, row.ProjectedCents, row.ExhaustionPercent, row.CommittedCents, row.RoomCents, row.InInvestigationCents,
            row.LineCount, row.ExceptionCount,
        }).ToAsyncEnumerable());

    /// <summary>The rechtmatigheidsverantwoording for the annual accounts: one row per law and exception kind.</summary>
    public static ExportTable Lawfulness(int year, IReadOnlyList<LawfulnessYear> perLaw) =>
        new($"rechtmatigheid-{year}", LawfulnessColumns, perLaw.SelectMany(law => law.Amounts.Select(amount => new object?[]
        {
            law.Year, law.Law, amount.Kind, amount.Class, amount.AmountCents, amount.LineCount, law.SpentCents, law.UnlawfulCents,
            law.UncertainCents, law.ThresholdPercent, law.ThresholdCents, law.ExceedsThreshold ? "ja" : "nee",
        })).ToAsyncEnumerable());

    public static ExportTable Exceptions(SpendingRepository spending, SpendingExceptionFilter filter) =>
        new("uitzonderingen", ExceptionColumns, ExceptionRowsAsync(spending, filter));

    /// <summary>Page by page from the database, so a large export is never held whole.</summary>
    private static async IAsyncEnumerable<object?[]> ExceptionRowsAsync(SpendingRepository spending, SpendingExceptionFilter filter)
    {
        for (var number = 1; ; number++)
        {
            var page = await spending.SearchExceptionsAsync(filter, new PageRequest(number, PageRequest.MaxPageSize));
            foreach (var line in page.Items)
            {
                yield return
                [
                    line.Id, line.ImportId, line.LineNumber, line.ProviderAgbCode, line.MunicipalityCode, line.Law, line.ProductCategory,
                    line.ProductCode, line.DeliveryStart, line.DeliveryEnd, line.Volume, line.Unit, line.AmountCents, line.DebetCredit,
                    line.DeclarationNumber, line.ContractId, line.ContractNumber, line.ExceptionKind, line.ExceptionReason,
                ];
            }
            if (number >= page.TotalPages)
            {
                yield break;
            }
        }
    }
}
