using System.Text;
using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Import;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Hosting.OpenApi;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Spending;

/// <summary>
/// Spending for financiën (docs/spending-import.md): importing the financial administration's CSV or a WMO323/JW323
/// declaration, the reconciliation of budgets against spending, and the exceptions; both lists also as CSV.
/// </summary>
public static class SpendingApi
{
    public static IEndpointRouteBuilder MapSpendingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath).WithTags("Spending").RequireAuthorization(Policies.FinanceRead);
        // The body is the file itself; no Accepts<> constraint, for the same reason as the register import.
        api.MapPost("/spending-imports", ImportSpendingFile).WithName("ImportSpendingFile")
            .WithSummary("Importeert uitgaven (de body): een CSV-bestand van de financiële administratie of een WMO323/JW323-declaratiebericht. Alles of niets; hetzelfde bestand of declaratienummer nog eens verandert niets.")
            .WithMetadata(app.ImportSizeLimit()).RequireAuthorization(Policies.Finance)
            .AcceptsFile("The financial administration's CSV file or an iWmo/iJw 3.2 WMO323/JW323 declaration (XML).",
                EndpointDocumentation.CsvMediaType, "application/xml", "text/xml", "application/octet-stream");
        api.MapGet("/reconciliation", Reconcile).WithName("GetReconciliation")
            .WithSummary("Budget tegen uitgaven in een jaar (year, standaard dit jaar) per contract en gemeente, of opgeteld per provider, law of municipality (groupBy): besteed, prognose tot jaareinde en uitputting.");
        api.MapGet("/reconciliation/export", ExportReconciliation).WithName("ExportReconciliation").ProducesCsv()
            .WithSummary("Dezelfde afstemming als CSV voor de financiële administratie.");
        api.MapGet("/spending-exceptions", ListExceptions).WithName("ListSpendingExceptions")
            .WithSummary("Uitgaven die aandacht vragen: geen passend contract, afwijkend tarief, buiten de looptijd, dubbel gedeclareerd.");
        api.MapGet("/spending-exceptions/export", ExportExceptions).WithName("ExportSpendingExceptions").ProducesCsv()
            .WithSummary("Dezelfde uitzonderingen als CSV voor de financiële administratie.");
        return app;
    }

    public static async Task<Results<Ok<SpendingImportReport>, ValidationProblem, ProblemHttpResult>> ImportSpendingFile(
        HttpRequest request, SpendingImporter importer, CancellationToken cancellationToken, string? fileName = null)
    {
        var errors = new ValidationErrors();
        TextRules.Name(errors, "fileName", fileName, 260);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        var report = await importer.ImportAsync(request.Body, QueryReader.Text(fileName), cancellationToken);
        if (report.Outcome != SpendingImportOutcome.Rejected)
        {
            return TypedResults.Ok(report);
        }
        return TypedResults.Problem(
            title: "Import afgewezen; er is niets opgeslagen.",
            detail: report.Message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["rowErrors"] = report.Errors, ["linesRead"] = report.LinesRead });
    }

    public static async Task<Results<Ok<PagedResponse<ReconciliationRow>>, ValidationProblem>> Reconcile(
        HttpRequest request, SpendingRepository spending, TimeProvider time,
        int? year = null, ReconciliationGrouping? groupBy = null, long? contractId = null, long? providerId = null, Core.Contracts.Law? law = null,
        string? municipality = null, int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = ReconciliationFilterFrom(query, time, year, groupBy, contractId, providerId, law, municipality);
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        var rows = await spending.ReconcileAsync(filter, time.Today());
        var onPage = new Page<ReconciliationRow>(rows.Skip(paging.Offset).Take(paging.PageSize).ToList(), paging.PageNumber, paging.PageSize, rows.Count);
        return TypedResults.Ok(PagedResponse<ReconciliationRow>.From(onPage, request));
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportReconciliation(
        HttpResponse response, SpendingRepository spending, TimeProvider time,
        int? year = null, ReconciliationGrouping? groupBy = null, long? contractId = null, long? providerId = null, Core.Contracts.Law? law = null, string? municipality = null)
    {
        var query = new QueryReader();
        var filter = ReconciliationFilterFrom(query, time, year, groupBy, contractId, providerId, law, municipality);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        var rows = await spending.ReconcileAsync(filter, time.Today());
        var csv = await StartCsvAsync(response, $"afstemming-{filter.Year}.csv");
        await csv.WriteRowAsync("jaar", "contract_id", "contractnummer", "contractmanager", "zorgaanbieder", "wet", "gemeente", "budget", "besteed",
            "prognose_jaareinde", "uitputting_procent", "regels", "uitzonderingen");
        foreach (var row in rows)
        {
            await csv.WriteRowAsync(row.Year, row.ContractId, row.ContractNumber, row.ContractManager, row.ProviderName, row.Law, row.MunicipalityCode,
                CsvWriter.Euros(row.BudgetCents), CsvWriter.Euros(row.SpentCents), CsvWriter.Euros(row.ProjectedCents), row.ExhaustionPercent,
                row.LineCount, row.ExceptionCount);
        }
        await csv.FlushAsync();
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<PagedResponse<SpendingExceptionLine>>, ValidationProblem>> ListExceptions(
        HttpRequest request, SpendingRepository spending,
        SpendingExceptionKind? kind = null, long? contractId = null, string? providerAgbCode = null, int? year = null, long? importId = null,
        int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = ExceptionFilterFrom(query, kind, contractId, providerAgbCode, year, importId);
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        return TypedResults.Ok(PagedResponse<SpendingExceptionLine>.From(await spending.SearchExceptionsAsync(filter, paging), request));
    }

    /// <summary>Page by page from the database straight into the response, so a large export is never held whole.</summary>
    public static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportExceptions(
        HttpResponse response, SpendingRepository spending,
        SpendingExceptionKind? kind = null, long? contractId = null, string? providerAgbCode = null, int? year = null, long? importId = null)
    {
        var query = new QueryReader();
        var filter = ExceptionFilterFrom(query, kind, contractId, providerAgbCode, year, importId);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        var csv = await StartCsvAsync(response, "uitzonderingen.csv");
        await csv.WriteRowAsync("regel_id", "import_id", "regel", "agb_code", "gemeente", "wet", "productcategorie", "productcode", "begindatum",
            "einddatum", "volume", "eenheid", "bedrag", "debet_credit", "factuurnummer", "contract_id", "contractnummer", "soort", "reden");
        for (var number = 1; ; number++)
        {
            var page = await spending.SearchExceptionsAsync(filter, new PageRequest(number, PageRequest.MaxPageSize));
            foreach (var line in page.Items)
            {
                await csv.WriteRowAsync(line.Id, line.ImportId, line.LineNumber, line.ProviderAgbCode, line.MunicipalityCode, line.Law,
                    line.ProductCategory, line.ProductCode, line.DeliveryStart, line.DeliveryEnd, line.Volume, line.Unit,
                    CsvWriter.Euros(line.AmountCents), line.DebetCredit, line.DeclarationNumber, line.ContractId, line.ContractNumber,
                    line.ExceptionKind, line.ExceptionReason);
            }
            await csv.FlushAsync();
            if (number >= page.TotalPages)
            {
                return TypedResults.Empty;
            }
        }
    }

    private static ReconciliationFilter ReconciliationFilterFrom(QueryReader query, TimeProvider time, int? year, ReconciliationGrouping? groupBy,
        long? contractId, long? providerId, Core.Contracts.Law? law, string? municipality)
    {
        var parsedYear = year ?? time.Today().Year;
        query.Errors.AddIf(parsedYear is < 2000 or > 2100, "year", "Jaar moet tussen 2000 en 2100 liggen.");
        return new ReconciliationFilter(parsedYear, query.Enum("groupBy", groupBy) ?? ReconciliationGrouping.Contract,
            contractId, providerId, query.Enum("law", law)?.ToString(), QueryReader.Text(municipality));
    }

    private static SpendingExceptionFilter ExceptionFilterFrom(QueryReader query, SpendingExceptionKind? kind, long? contractId, string? providerAgbCode,
        int? year, long? importId) =>
        new(query.Enum("kind", kind), contractId, QueryReader.Text(providerAgbCode), year, importId);

    private static async Task<CsvWriter> StartCsvAsync(HttpResponse response, string fileName)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // A byte-order mark makes Excel read the file as UTF-8.
        await response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray());
        return new CsvWriter(new StreamWriter(response.Body, new UTF8Encoding(false), leaveOpen: true) );
    }
}
