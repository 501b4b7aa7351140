using ContractRegie.Core.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Providers;
using ContractRegie.Data;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Hosting.OpenApi;
using ContractRegie.Web.Jobs;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Monitoring;

/// <summary>The risk of a provider today: what Core computes from its statements, and what the job last stored.</summary>
public sealed record FinancialAssessmentResponse(
    long ProviderId, FinancialAssessment Assessment, string Explanation, ProviderRisk? LastAssessed, IReadOnlyList<YearRatios> History);

/// <summary>Providers' annual statements, and the financial assessment computed from them.</summary>
public static class FinancialStatementsApi
{
    private const string Path = ApiConventions.BasePath + "/financial-statements";

    public static IEndpointRouteBuilder MapFinancialStatementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Monitoring");
        group.MapGet("", ListFinancialStatements).WithName("ListFinancialStatements").RequireAuthorization(Policies.Read)
            .WithSummary("Jaarrekeningen van zorgaanbieders, filterbaar op aanbieder en boekjaar.");
        group.MapGet("/{id:long}", GetFinancialStatement).WithName("GetFinancialStatement").RequireAuthorization(Policies.Read)
            .WithSummary("Eén jaarrekening.");
        group.MapPost("", CreateFinancialStatement).WithName("CreateFinancialStatement").RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Legt een jaarrekening vast; bedragen in centen.");
        group.MapPut("/{id:long}", ReplaceFinancialStatement).WithName("ReplaceFinancialStatement").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Corrigeert een jaarrekening.");
        group.MapDelete("/{id:long}", DeleteFinancialStatement).WithName("DeleteFinancialStatement").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Verwijdert een jaarrekening.");
        app.MapGet(ApiConventions.BasePath + "/providers/{id:long}/financial-assessment", GetFinancialAssessment)
            .WithTags("Monitoring").WithName("GetFinancialAssessment").RequireAuthorization(Policies.Read)
            .WithSummary("Ratio's, scores, rode vlaggen en risiconiveau van een zorgaanbieder vandaag.");
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<FinancialStatement>>, ValidationProblem>> ListFinancialStatements(
        HttpRequest request, FinancialStatementRepository statements,
        long? providerId = null, int? year = null, int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = new FinancialStatementFilter(providerId, year);
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        return TypedResults.Ok(PagedResponse<FinancialStatement>.From(await statements.SearchAsync(filter, paging), request));
    }

    public static async Task<Results<Ok<FinancialStatement>, ProblemHttpResult>> GetFinancialStatement(
        long id, HttpResponse response, FinancialStatementRepository statements) =>
        await statements.ReadByIdAsync(id) is { } statement ? RowVersions.Ok(response, statement) : ApiProblems.NotFound($"Jaarrekening {id}");

    public static async Task<Results<Created<FinancialStatement>, ValidationProblem, ProblemHttpResult>> CreateFinancialStatement(
        FinancialStatementInput input, ProviderRepository providers, FinancialStatementRepository statements, TimeProvider time)
    {
        var (statement, invalid, problem) = await CheckAsync(input, 0, providers, statements, time.Today());
        if (invalid is not null)
        {
            return invalid;
        }
        if (problem is not null)
        {
            return problem;
        }
        var created = statement with { Id = await statements.InsertAsync(statement) };
        return TypedResults.Created($"{Path}/{created.Id}", created);
    }

    public static async Task<Results<Ok<FinancialStatement>, ValidationProblem, ProblemHttpResult>> ReplaceFinancialStatement(
        long id, FinancialStatementInput input, HttpContext http, ProviderRepository providers, FinancialStatementRepository statements,
        TimeProvider time)
    {
        if (RowVersions.IfMatch(http.Request) is not { } rowVersion)
        {
            return ApiProblems.IfMatchRequired();
        }
        if (await statements.ReadByIdAsync(id) is null)
        {
            return ApiProblems.NotFound($"Jaarrekening {id}");
        }
        var (statement, invalid, problem) = await CheckAsync(input, id, providers, statements, time.Today());
        if (invalid is not null)
        {
            return invalid;
        }
        if (problem is not null)
        {
            return problem;
        }
        if (await statements.UpdateAsync(statement with { Id = id, RowVersion = rowVersion }) is not WriteResult.Written and var refused)
        {
            return ApiProblems.NotWritten(refused, $"Jaarrekening {id}");
        }
        var updated = (await statements.ReadByIdAsync(id))!;
        return RowVersions.Ok(http.Response, updated);
    }

    /// <summary>What is wrong with the input, if anything: its figures, its provider, or its year (taken by another statement than <paramref name="id"/>).</summary>
    private static async Task<(FinancialStatement Statement, ValidationProblem? Invalid, ProblemHttpResult? Problem)> CheckAsync(
        FinancialStatementInput input, long id, ProviderRepository providers, FinancialStatementRepository statements, DateOnly today)
    {
        var errors = new ValidationErrors();
        var statement = input.ToStatement(errors);
        if (errors.Merge(statement.Validate(today)) is { IsEmpty: false })
        {
            return (statement, ApiProblems.Invalid(errors), null);
        }
        if (await providers.ReadByIdAsync(statement.ProviderId) is null)
        {
            return (statement, null, ApiProblems.NotFound($"Zorgaanbieder {statement.ProviderId}"));
        }
        if (await statements.ReadByKeyAsync(statement.ProviderId, statement.Year) is { } other && other.Id != id)
        {
            return (statement, null, ApiProblems.Conflict($"Er is al een jaarrekening {statement.Year} van deze zorgaanbieder."));
        }
        return (statement, null, null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteFinancialStatement(
        long id, HttpRequest request, FinancialStatementRepository statements) =>
        await RowVersions.DeleteAsync(request, rowVersion => statements.DeleteAsync(id, rowVersion), $"Jaarrekening {id}");

    public static async Task<Results<Ok<FinancialAssessmentResponse>, ProblemHttpResult>> GetFinancialAssessment(
        long id, ProviderRepository providers, FinancialStatementRepository statements, ProviderRiskRepository risks, TimeProvider time, JobsOptions options)
    {
        if (await providers.ReadByIdAsync(id) is null)
        {
            return ApiProblems.NotFound($"Zorgaanbieder {id}");
        }
        var filed = await statements.ReadByProviderAsync(id);
        var assessment = FinancialStability.Assess(filed, time.Today(), options.FinancialNorms);
        return TypedResults.Ok(new FinancialAssessmentResponse(
            id, assessment, FinancialStability.Explain(assessment), await risks.ReadAsync(id), FinancialStability.History(filed)));
    }
}
