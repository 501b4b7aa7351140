using ContractRegie.Core.Common;
using ContractRegie.Data.Jobs;

namespace ContractRegie.Web.Jobs;

/// <summary>Runs a job by name and keeps its history: started, finished, outcome and what it did.</summary>
public sealed class JobRunner(IEnumerable<IContractRegieJob> jobs, JobRunRepository runs, TimeProvider time, ILogger<JobRunner> logger)
{
    public IReadOnlyList<string> Names { get; } = jobs.Select(j => j.Name).Order().ToList();

    public async Task<JobRun?> RunAsync(string name, CancellationToken cancellationToken)
    {
        if (jobs.FirstOrDefault(j => j.Name == name) is not { } job)
        {
            return null;
        }
        var id = await runs.StartAsync(name, time.Today());
        try
        {
            var summary = await job.RunAsync(cancellationToken);
            await runs.FinishAsync(id, JobOutcome.Succeeded, summary);
        }
        catch (Exception error)
        {
            // The run is recorded as failed with the reason; the scheduler tries again at the next firing.
            logger.LogError(error, "Job {Job} failed", name);
            await runs.FinishAsync(id, JobOutcome.Failed, error.Message);
        }
        return await runs.ReadLatestAsync(name);
    }
}
