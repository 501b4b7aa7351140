using ContractRegie.Core.Common;
using ContractRegie.Data.Jobs;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// Runs a job by name, one run of a job at a time across all instances, and keeps its history: started, finished,
/// outcome and what it did. While it works the run renews its heartbeat, so a run whose process dies is recognised.
/// </summary>
public sealed class JobRunner(
    IEnumerable<IContractRegieJob> jobs, JobRunRepository runs, JobProgress progress, JobsOptions options, TimeProvider time,
    ILogger<JobRunner> logger)
{
    public IReadOnlyList<string> Names { get; } = jobs.Select(j => j.Name).Order().ToList();

    /// <summary>The finished run, or the run of the same job that is still busy; null for an unknown job.</summary>
    public async Task<JobRunAttempt?> RunAsync(string name, CancellationToken cancellationToken)
    {
        if (jobs.FirstOrDefault(j => j.Name == name) is not { } job)
        {
            return null;
        }
        var attempt = await runs.StartAsync(name, time.Today());
        if (attempt.Run is not { } run)
        {
            logger.LogInformation("Job {Job} not started: run {Run} is still busy", name, attempt.Busy?.Id);
            return attempt;
        }
        using var stopHeartbeat = new CancellationTokenSource();
        var tracker = progress.Track();
        var heartbeat = KeepAliveAsync(run, tracker, stopHeartbeat.Token);
        var (outcome, summary) = (JobOutcome.Succeeded, "");
        try
        {
            summary = await job.RunAsync(cancellationToken);
        }
        catch (Exception error)
        {
            // The run is recorded as failed with the reason; the scheduler tries again at the next firing.
            logger.LogError(error, "Job {Job} failed", name);
            (outcome, summary) = (JobOutcome.Failed, error.Message);
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
        }
        if (tracker.Latest is { } last)
        {
            await runs.SaveProgressAsync(run, last);
        }
        await runs.FinishAsync(run, outcome, summary);
        return new JobRunAttempt(await runs.ReadAsync(run.Id), null);
    }

    private async Task KeepAliveAsync(JobRun run, JobProgress.Tracker tracker, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.HeartbeatEvery, time);
        JobProgressCount? saved = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var latest = tracker.Latest;
                // A beat waits at most until the next one is due.
                if (await runs.HeartbeatAsync(run, latest != saved ? latest : null, options.HeartbeatEvery))
                {
                    saved = latest;
                }
                else
                {
                    logger.LogDebug("Heartbeat of job run {Run} deferred: the database is busy with the run's own writes", run.Id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run has ended.
        }
    }
}
