using ContractRegie.Core.Common;
using ContractRegie.Data.Import;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Hosting.OpenApi;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Imports;

/// <summary>The register CSV import (docs/import.md) over HTTP: the body is the file, the answer the per-row report.</summary>
public static class RegisterImportsApi
{
    public static IEndpointRouteBuilder MapRegisterImportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiConventions.BasePath + "/register-imports/{kind}", ImportRegisterFile)
            .WithTags("Imports").WithName("ImportRegisterFile")
            // The body is the CSV file itself. No Accepts<> content-type constraint: routing would answer 415 before
            // authorization, and clients send CSV under several content types.
            .WithSummary("Importeert een CSV-bestand (de body): zorgaanbieders, contracten, tarieven, prestatiemetingen of jaarrekeningen "
                         + "(kind = providers, contracts, tariffs, outcome-measurements, financial-statements): alles of niets.")
            .WithMetadata(app.ImportSizeLimit())
            .AcceptsFile("The CSV file (docs/import.md), UTF-8, separated by ; or ,.", EndpointDocumentation.CsvMediaType, "application/octet-stream")
            .RequireAuthorization(Policies.ContractWrite);
        return app;
    }

    public static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> ImportRegisterFile(
        string kind, HttpRequest request, RegisterImporter importer, CancellationToken cancellationToken)
    {
        if (!RegisterColumns.TryParseKind(kind, out var importKind))
        {
            var errors = new ValidationErrors();
            errors.Add("kind", $"Onbekende soort import '{kind}'; kies {RegisterColumns.KindNames()}.");
            return ApiProblems.Invalid(errors);
        }
        var report = await importer.ImportAsync(importKind, request.Body, cancellationToken);
        if (report.Succeeded)
        {
            return TypedResults.Ok(report);
        }
        return TypedResults.Problem(
            title: "Import afgewezen; er is niets opgeslagen.",
            detail: $"{report.Errors.Count} {(report.Errors.Count == 1 ? "fout" : "fouten")} in {report.RowsRead} gelezen regels.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["rowErrors"] = report.Errors, ["rowsRead"] = report.RowsRead });
    }
}
