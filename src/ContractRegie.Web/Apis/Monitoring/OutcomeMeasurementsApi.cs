using ContractRegie.Core.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Hosting.OpenApi;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Monitoring;

/// <summary>What providers report against their contracts' outcome agreements; the outcome-monitoring job reads them.</summary>
public static class OutcomeMeasurementsApi
{
    private const string Path = ApiConventions.BasePath + "/outcome-measurements";

    public static IEndpointRouteBuilder MapOutcomeMeasurementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Monitoring");
        group.MapGet("", ListOutcomeMeasurements).WithName("ListOutcomeMeasurements").RequireAuthorization(Policies.Read)
            .WithSummary("Prestatiemetingen, filterbaar op contract, indicator en periode (2026, 2026-H1, 2026-K1).");
        group.MapGet("/{id:long}", GetOutcomeMeasurement).WithName("GetOutcomeMeasurement").RequireAuthorization(Policies.Read)
            .WithSummary("Eén prestatiemeting.");
        group.MapPost("", CreateOutcomeMeasurement).WithName("CreateOutcomeMeasurement").RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Legt een meting vast bij een prestatieafspraak van het contract.");
        group.MapPut("/{id:long}", ReplaceOutcomeMeasurement).WithName("ReplaceOutcomeMeasurement").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Corrigeert een prestatiemeting.");
        group.MapDelete("/{id:long}", DeleteOutcomeMeasurement).WithName("DeleteOutcomeMeasurement").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Verwijdert een prestatiemeting.");
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<OutcomeMeasurement>>, ValidationProblem>> ListOutcomeMeasurements(
        HttpRequest request, OutcomeMeasurementRepository measurements,
        long? contractId = null, string? indicator = null, string? period = null, int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = new OutcomeMeasurementFilter(contractId, QueryReader.Text(indicator),
            QueryReader.Text(period) is { } text ? ReportingPeriod.Normalize(text) : null);
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        return TypedResults.Ok(PagedResponse<OutcomeMeasurement>.From(await measurements.SearchAsync(filter, paging), request));
    }

    public static async Task<Results<Ok<OutcomeMeasurement>, ProblemHttpResult>> GetOutcomeMeasurement(
        long id, HttpResponse response, OutcomeMeasurementRepository measurements) =>
        await measurements.ReadByIdAsync(id) is { } measurement ? RowVersions.Ok(response, measurement) : ApiProblems.NotFound($"Prestatiemeting {id}");

    public static async Task<Results<Created<OutcomeMeasurement>, ValidationProblem, ProblemHttpResult>> CreateOutcomeMeasurement(
        OutcomeMeasurementInput input, ContractRepository contracts, ContractTermsRepository terms, OutcomeMeasurementRepository measurements,
        TimeProvider time)
    {
        var (measurement, invalid, problem) = await CheckAsync(input, 0, contracts, terms, measurements, time.Today());
        if (invalid is not null)
        {
            return invalid;
        }
        if (problem is not null)
        {
            return problem;
        }
        var created = measurement with { Id = await measurements.InsertAsync(measurement) };
        return TypedResults.Created($"{Path}/{created.Id}", created);
    }

    public static async Task<Results<Ok<OutcomeMeasurement>, ValidationProblem, ProblemHttpResult>> ReplaceOutcomeMeasurement(
        long id, OutcomeMeasurementInput input, HttpContext http, ContractRepository contracts, ContractTermsRepository terms,
        OutcomeMeasurementRepository measurements, TimeProvider time)
    {
        if (RowVersions.IfMatch(http.Request) is not { } rowVersion)
        {
            return ApiProblems.IfMatchRequired();
        }
        if (await measurements.ReadByIdAsync(id) is null)
        {
            return ApiProblems.NotFound($"Prestatiemeting {id}");
        }
        var (measurement, invalid, problem) = await CheckAsync(input, id, contracts, terms, measurements, time.Today());
        if (invalid is not null)
        {
            return invalid;
        }
        if (problem is not null)
        {
            return problem;
        }
        if (await measurements.UpdateAsync(measurement with { Id = id, RowVersion = rowVersion }) is not WriteResult.Written and var refused)
        {
            return ApiProblems.NotWritten(refused, $"Prestatiemeting {id}");
        }
        var updated = (await measurements.ReadByIdAsync(id))!;
        return RowVersions.Ok(http.Response, updated);
    }

    /// <summary>
    /// What is wrong with the input, if anything: its fields, its contract, its agreement, or its key (which no other
    /// measurement than <paramref name="id"/> may have).
    /// </summary>
    private static async Task<(OutcomeMeasurement Measurement, ValidationProblem? Invalid, ProblemHttpResult? Problem)> CheckAsync(
        OutcomeMeasurementInput input, long id, ContractRepository contracts, ContractTermsRepository terms, OutcomeMeasurementRepository measurements,
        DateOnly today)
    {
        var errors = new ValidationErrors();
        var measurement = input.ToMeasurement(errors);
        if (errors.Merge(measurement.Validate(today)) is { IsEmpty: false })
        {
            return (measurement, ApiProblems.Invalid(errors), null);
        }
        if (await contracts.ReadByIdAsync(measurement.ContractId) is null)
        {
            return (measurement, null, ApiProblems.NotFound($"Contract {measurement.ContractId}"));
        }
        if (measurement.ValidateAgainst(await terms.ReadAgreementsAsync(measurement.ContractId), today) is { IsEmpty: false } invalid)
        {
            return (measurement, ApiProblems.Invalid(invalid), null);
        }
        if (await measurements.ReadByKeyAsync(measurement.ContractId, measurement.Indicator, measurement.Period) is { } other && other.Id != id)
        {
            return (measurement, null, ApiProblems.Conflict($"Er is al een meting van '{measurement.Indicator}' over {measurement.Period} voor dit contract."));
        }
        return (measurement, null, null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteOutcomeMeasurement(
        long id, HttpRequest request, OutcomeMeasurementRepository measurements) =>
        await RowVersions.DeleteAsync(request, rowVersion => measurements.DeleteAsync(id, rowVersion), $"Prestatiemeting {id}");
}
