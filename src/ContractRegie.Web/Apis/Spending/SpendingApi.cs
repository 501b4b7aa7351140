using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Export;
using ContractRegie.Data.Import;
using ContractRegie.Web.Exports;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Hosting;
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
            .WithMetadata(app.ImportSizeLimit()).RequireAuthorization(Policies.Finance);
        api.MapGet("/reconciliation", Reconcile).WithName("GetReconciliation")
            .WithSummary("Budget tegen uitgaven in een jaar (year, standaard dit jaar) per contract en gemeente, of opgeteld per provider, law of municipality (groupBy): besteed, prognose tot jaareinde en uitputting.");
        api.MapGet("/reconciliation/export", ExportReconciliation).WithName("ExportReconciliation")
            .WithSummary("Dezelfde afstemming als CSV (standaard) of Excel (format=xlsx) voor de financiële administratie.");
        api.MapGet("/spending-exceptions", ListExceptions).WithName("ListSpendingExceptions")
            .WithSummary("Uitgaven die aandacht vragen: geen passend contract, afwijkend tarief, buiten de looptijd, dubbel gedeclareerd.");
        api.MapGet("/spending-exceptions/export", ExportExceptions).WithName("ExportSpendingExceptions")
            .WithSummary("Dezelfde uitzonderingen als CSV (standaard) of Excel (format=xlsx) voor de financiële administratie.");
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
        string? year = null, string? groupBy = null, string? contractId = null, string? providerId = null, string? law = null,
        string? municipality = null, string? page = null, string? pageSize = null)
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
        string? year = null, string? groupBy = null, string? contractId = null, string? providerId = null, string? law = null, string? municipality = null,
        string? format = null)
    {
        var query = new QueryReader();
        var filter = ReconciliationFilterFrom(query, time, year, groupBy, contractId, providerId, law, municipality);
        var exportFormat = query.Enum<ExportFormat>("format", format) ?? ExportFormat.Csv;
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        var rows = await spending.ReconcileAsync(filter, time.Today());
        await ExportResponse.WriteAsync(response, SpendingExport.Reconciliation(filter.Year, rows), exportFormat);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<PagedResponse<SpendingExceptionLine>>, ValidationProblem>> ListExceptions(
        HttpRequest request, SpendingRepository spending,
        string? kind = null, string? contractId = null, string? providerAgbCode = null, string? year = null, string? importId = null,
        string? page = null, string? pageSize = null)
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
        string? kind = null, string? contractId = null, string? providerAgbCode = null, string? year = null, string? importId = null,
        string? format = null)
    {
        var query = new QueryReader();
        var filter = ExceptionFilterFrom(query, kind, contractId, providerAgbCode, year, importId);
        var exportFormat = query.Enum<ExportFormat>("format", format) ?? ExportFormat.Csv;
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        await ExportResponse.WriteAsync(response, SpendingExport.Exceptions(spending, filter), exportFormat);
        return TypedResults.Empty;
    }

    private static ReconciliationFilter ReconciliationFilterFrom(QueryReader query, TimeProvider time, string? year, string? groupBy,
        string? contractId, string? providerId, string? law, string? municipality)
    {
        var parsedYear = (int)(query.Long("year", year) ?? time.Today().Year);
        query.Errors.AddIf(parsedYear is < 2000 or > 2100, "year", "Jaar moet tussen 2000 en 2100 liggen.");
        return new ReconciliationFilter(parsedYear, query.Enum<ReconciliationGrouping>("groupBy", groupBy) ?? ReconciliationGrouping.Contract,
            query.Long("contractId", contractId), query.Long("providerId", providerId), query.Enum<Core.Contracts.Law>("law", law)?.ToString(),
            QueryReader.Text(municipality));
    }

    private static SpendingExceptionFilter ExceptionFilterFrom(QueryReader query, string? kind, string? contractId, string? providerAgbCode,
        string? year, string? importId) =>
        new(query.Enum<SpendingExceptionKind>("kind", kind), query.Long("contractId", contractId), QueryReader.Text(providerAgbCode),
            (int?)query.Long("year", year), query.Long("importId", importId));
}
