using ContractRegie.Data.Jobs;
using ContractRegie.Data.Notifications;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Jobs;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Jobs;

public sealed record JobInfo(string Name, JobRun? LastRun);

/// <summary>For the beheerder: the jobs with their last run, starting a run, and the notification outbox.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup(ApiConventions.BasePath + "/jobs").WithTags("Jobs").RequireAuthorization(Policies.Administration);
        jobs.MapGet("", ListJobs).WithName("ListJobs").WithSummary("De taken met hun laatste run en uitkomst.")
            .WithDescription("Not paged: the fixed set of scheduled jobs.");
        jobs.MapPost("/{name}/runs", StartRun).WithName("StartJobRun").WithSummary("Voert een taak nu uit en geeft de uitkomst; 409 als dezelfde taak al loopt.");
        app.MapGet(ApiConventions.BasePath + "/notifications", ListNotifications).WithTags("Jobs").WithName("ListNotifications")
            .WithSummary("De e-mails in de outbox: wachtend (queued), verzonden (sent) of opgegeven (failed).")
            .RequireAuthorization(Policies.Administration);
        app.MapPost(ApiConventions.BasePath + "/notifications/{id:long}/requeue", Requeue).WithTags("Jobs").WithName("RequeueNotification")
            .WithSummary("Zet een opgegeven e-mail (failed) opnieuw in de wachtrij, met nieuwe pogingen.")
            .RequireAuthorization(Policies.Administration);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<JobInfo>>> ListJobs(JobRunner runner, JobRunRepository runs)
    {
        var infos = new List<JobInfo>();
        foreach (var name in runner.Names)
        {
            infos.Add(new JobInfo(name, await runs.ReadLatestAsync(name)));
        }
        return TypedResults.Ok<IReadOnlyList<JobInfo>>(infos);
    }

    /// <summary>Runs the job now and answers with this caller's own run; 409 names the run that is still busy.</summary>
    public static async Task<Results<Created<JobRun>, ProblemHttpResult>> StartRun(string name, JobRunner runner, CancellationToken cancellationToken) =>
        await runner.RunAsync(name, cancellationToken) switch
        {
            null => ApiProblems.NotFound($"Taak '{name}'"),
            { Run: { } run } => TypedResults.Created($"{ApiConventions.BasePath}/jobs/{name}/runs/{run.Id}", run),
            { Busy: var busy } => ApiProblems.Conflict(
                $"Taak '{name}' loopt al (run {busy?.Id}, gestart {busy?.StartedAt:yyyy-MM-dd HH:mm:ss} UTC); probeer het opnieuw als die klaar is."),
        };

    public static async Task<Results<Ok<PagedResponse<Notification>>, ValidationProblem>> ListNotifications(
        HttpRequest request, OutboxRepository outbox, NotificationState? state = null, int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = query.Enum<NotificationState>("state", state);
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        return TypedResults.Ok(PagedResponse<Notification>.From(await outbox.SearchAsync(filter, paging), request));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Requeue(long id, OutboxRepository outbox) =>
        await outbox.RequeueFailedAsync(id) switch
        {
            true => TypedResults.NoContent(),
            false => ApiProblems.Conflict("Alleen een e-mail die niet verzonden kon worden, kan opnieuw in de wachtrij."),
            null => ApiProblems.NotFound($"E-mail {id}"),
        };
}
