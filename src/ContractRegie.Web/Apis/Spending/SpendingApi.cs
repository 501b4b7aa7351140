using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Export;
using ContractRegie.Data.Import;
using ContractRegie.Web.Exports;
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
        api.MapPost("/allocation-imports", ImportAllocationFile).WithName("ImportAllocationFile")
            .WithSummary("Importeert toewijzingen (de body): een WMO301/JW301-bericht of het CSV-bestand met toewijzingen. Alles of niets; hetzelfde bestand nog eens verandert niets. Van de cliënt wordt alleen het pseudoniem van het BSN bewaard.")
            .WithMetadata(app.ImportSizeLimit()).RequireAuthorization(Policies.Finance)
            .AcceptsFile("The municipality's allocations: the CSV file or an iWmo/iJw 3.2 WMO301/JW301 allocation message (XML).",
                EndpointDocumentation.CsvMediaType, "application/xml", "text/xml", "application/octet-stream");
        api.MapGet("/reconciliation", Reconcile).WithName("GetReconciliation")
            .WithSummary("Budget tegen uitgaven in een jaar (year, standaard dit jaar) per contract en gemeente, of opgeteld per provider, law of municipality (groupBy): besteed, prognose tot jaareinde en uitputting.");
        api.MapGet("/reconciliation/export", ExportReconciliation).WithName("ExportReconciliation").ProducesExport()
            .WithSummary("Dezelfde afstemming als CSV (standaard) of Excel (format=Xlsx) voor de financiële administratie.");
        api.MapGet("/lawfulness", ListLawfulness).WithName("ListLawfulness")
            .WithSummary("Rechtmatigheidsverantwoording per wet in een jaar (year, standaard dit jaar): totaal besteed, bedrag per soort uitzondering (fout of onzeker) en of fouten plus onzekerheden de rapporteringsgrens (Spending:LawfulnessThresholdPercent van het totaal) overschrijden.");
        api.MapGet("/lawfulness/export", ExportLawfulness).WithName("ExportLawfulness").ProducesExport()
            .WithSummary("Dezelfde rechtmatigheidsverantwoording als CSV (standaard) of Excel (format=Xlsx) voor de jaarrekening: een regel per wet en soort.");
        api.MapGet("/spending-exceptions", ListExceptions).WithName("ListSpendingExceptions")
            .WithSummary("Uitgaven die aandacht vragen: geen passend contract, afwijkend tarief, buiten de looptijd, dubbel gedeclareerd.");
        api.MapGet("/spending-exceptions/export", ExportExceptions).WithName("ExportSpendingExceptions").ProducesExport()
            .WithSummary("Dezelfde uitzonderingen als CSV (standaard) of Excel (format=Xlsx) voor de financiële administratie.");
        return app;
    }

    public static Task<Results<Ok<SpendingImportReport>, ValidationProblem, ProblemHttpResult>> ImportSpendingFile(
        HttpRequest request, SpendingImporter importer, CancellationToken cancellationToken, string? fileName = null) =>
        ImportFileAsync(fileName, name => importer.ImportAsync(request.Body, name, cancellationToken),
            report => (report.Outcome, report.Message, report.Errors, report.LinesRead));

    public static Task<Results<Ok<AllocationImportReport>, ValidationProblem, ProblemHttpResult>> ImportAllocationFile(
        HttpRequest request, AllocationImporter importer, CancellationToken cancellationToken, string? fileName = null) =>
        ImportFileAsync(fileName, name => importer.ImportAsync(request.Body, name, cancellationToken),
            report => (report.Outcome, report.Message, report.Errors, report.AllocationsRead));

    /// <summary>A file in the body, named by <paramref name="fileName"/>: the report, or 422 with the reason per line when rejected.</summary>
    private static async Task<Results<Ok<TReport>, ValidationProblem, ProblemHttpResult>> ImportFileAsync<TReport>(string? fileName,
        Func<string?, Task<TReport>> import, Func<TReport, (SpendingImportOutcome Outcome, string Message, IReadOnlyList<ImportError> Errors, int Read)> outcome)
    {
        var errors = new ValidationErrors();
        TextRules.Name(errors, "fileName", fileName, 260);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        var report = await import(QueryReader.Text(fileName));
        var (result, message, rowErrors, read) = outcome(report);
        if (result != SpendingImportOutcome.Rejected)
        {
            return TypedResults.Ok(report);
        }
        return TypedResults.Problem(
            title: "Import afgewezen; er is niets opgeslagen.",
            detail: message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["rowErrors"] = rowErrors, ["linesRead"] = read });
    }

    public static async Task<Results<Ok<PagedResponse<ReconciliationRow>>, ValidationProblem>> Reconcile(
        HttpRequest request, ReconciliationPages reconciliation, TimeProvider time,
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
        var read = await reconciliation.ReadAsync(filter, time.Today(), paging);
        return TypedResults.Ok(PagedResponse<ReconciliationRow>.From(read.Rows, request));
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportReconciliation(
        HttpResponse response, ReconciliationPages reconciliation, TimeProvider time,
        int? year = null, ReconciliationGrouping? groupBy = null, long? contractId = null, long? providerId = null, Core.Contracts.Law? law = null, string? municipality = null,
        ExportFormat? format = null)
    {
        var query = new QueryReader();
        var filter = ReconciliationFilterFrom(query, time, year, groupBy, contractId, providerId, law, municipality);
        var exportFormat = query.Enum("format", format) ?? ExportFormat.Csv;
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        var rows = await reconciliation.ReadAllAsync(filter, time.Today());
        await ExportResponse.WriteAsync(response, SpendingExport.Reconciliation(filter.Year, rows), exportFormat);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<PagedResponse<LawfulnessYear>>, ValidationProblem>> ListLawfulness(
        HttpRequest request, SpendingRepository spending, SpendingOptions options, TimeProvider time,
        int? year = null, int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var parsedYear = YearFrom(query, time, year);
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        var years = await spending.ReadLawfulnessAsync(parsedYear, options.LawfulnessThresholdPercent);
        var onPage = new Page<LawfulnessYear>(years.Skip(paging.Offset).Take(paging.PageSize).ToList(), paging.PageNumber, paging.PageSize, years.Count);
        return TypedResults.Ok(PagedResponse<LawfulnessYear>.From(onPage, request));
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportLawfulness(
        HttpResponse response, SpendingRepository spending, SpendingOptions options, TimeProvider time, int? year = null,
        ExportFormat? format = null)
    {
        var query = new QueryReader();
        var parsedYear = YearFrom(query, time, year);
        var exportFormat = query.Enum("format", format) ?? ExportFormat.Csv;
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        var years = await spending.ReadLawfulnessAsync(parsedYear, options.LawfulnessThresholdPercent);
        await ExportResponse.WriteAsync(response, SpendingExport.Lawfulness(parsedYear, years), exportFormat);
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
        SpendingExceptionKind? kind = null, long? contractId = null, string? providerAgbCode = null, int? year = null, long? importId = null,
        ExportFormat? format = null)
    {
        var query = new QueryReader();
        var filter = ExceptionFilterFrom(query, kind, contractId, providerAgbCode, year, importId);
        var exportFormat = query.Enum("format", format) ?? ExportFormat.Csv;
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        await ExportResponse.WriteAsync(response, SpendingExport.Exceptions(spending, filter), exportFormat);
        return TypedResults.Empty;
    }

    private static ReconciliationFilter ReconciliationFilterFrom(QueryReader query, TimeProvider time, int? year, ReconciliationGrouping? groupBy,
        long? contractId, long? providerId, Core.Contracts.Law? law, string? municipality)
    {
        return new ReconciliationFilter(YearFrom(query, time, year), query.Enum("groupBy", groupBy) ?? ReconciliationGrouping.Contract,
            contractId, providerId, query.Enum("law", law)?.ToString(), QueryReader.Text(municipality));
    }

    private static int YearFrom(QueryReader query, TimeProvider time, int? year)
    {
        var parsedYear = year ?? time.Today().Year;
        query.Errors.AddIf(parsedYear is < 2000 or > 2100, "year", "Jaar moet tussen 2000 en 2100 liggen.");
        return parsedYear;
    }

    private static SpendingExceptionFilter ExceptionFilterFrom(QueryReader query, SpendingExceptionKind? kind, long? contractId, string? providerAgbCode,
        int? year, long? importId) =>
        new(query.Enum("kind", kind), contractId, QueryReader.Text(providerAgbCode), year, importId);
}
