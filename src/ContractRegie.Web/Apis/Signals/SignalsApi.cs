using ContractRegie.Core.Common;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Signals;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Signals;

public sealed record ResolutionInput(string? Note);

public static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/signals").WithTags("Signals");
        group.MapGet("", ListSignals).WithName("ListSignals").RequireAuthorization(Policies.Read)
            .WithSummary("Signaleringen, filterbaar op soort, status, ernst, contractmanager (recipient) en onderwerp.");
        group.MapGet("/{id:long}", GetSignal).WithName("GetSignal").RequireAuthorization(Policies.Read).WithSummary("Eén signalering.");
        group.MapPost("/{id:long}/acknowledgement", Acknowledge).WithName("AcknowledgeSignal").RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Bevestigt dat een signalering is gezien.");
        group.MapPost("/{id:long}/resolution", Resolve).WithName("ResolveSignal").RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Sluit een signalering af met een toelichting.");
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<Signal>>, ValidationProblem>> ListSignals(
        HttpRequest request, SignalRepository signals,
        SignalKind? kind = null, SignalStatus? status = null, SignalSeverity? severity = null, string? recipient = null, string? subjectType = null,
        long? subjectId = null, DateTimeOffset? updatedSince = null, int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = new SignalFilter(query.Enum<SignalKind>("kind", kind), query.Enum<SignalStatus>("status", status),
            query.Enum<SignalSeverity>("severity", severity), QueryReader.Text(recipient), QueryReader.Text(subjectType), subjectId,
            UpdatedSince: QueryReader.Instant(updatedSince));
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        return TypedResults.Ok(PagedResponse<Signal>.From(await signals.SearchAsync(filter, paging), request));
    }

    public static async Task<Results<Ok<Signal>, ProblemHttpResult>> GetSignal(long id, SignalRepository signals) =>
        await signals.ReadByIdAsync(id) is { } signal ? TypedResults.Ok(signal) : ApiProblems.NotFound($"Signalering {id}");

    public static async Task<Results<Ok<Signal>, ValidationProblem, ProblemHttpResult>> Acknowledge(long id, SignalActions actions) =>
        Answer(id, await actions.AcknowledgeAsync(id));

    public static async Task<Results<Ok<Signal>, ValidationProblem, ProblemHttpResult>> Resolve(long id, ResolutionInput input, SignalActions actions) =>
        Answer(id, await actions.ResolveAsync(id, input.Note));

    private static Results<Ok<Signal>, ValidationProblem, ProblemHttpResult> Answer(long id, SignalActionOutcome outcome) => outcome switch
    {
        SignalActionOutcome.Done done => TypedResults.Ok(done.Signal),
        SignalActionOutcome.Invalid invalid => ApiProblems.Invalid(invalid.Errors),
        SignalActionOutcome.Refused refused => ApiProblems.Conflict(refused.Reason),
        _ => ApiProblems.NotFound($"Signalering {id}"),
    };
}
