using ContractRegie.Data;
using ContractRegie.Data.Jobs;
using ContractRegie.Web.Jobs;
using ContractRegie.Web.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Web.Tests.Reliability;

/// <summary>
/// A run whose transaction holds the SQLite file longer than the heartbeat interval: the heartbeat's own connection cannot
/// write meanwhile, and the run must still end well, with the heartbeat back once the transaction is over.
/// </summary>
public sealed class JobHeartbeatTests : IAsyncLifetime
{
    private static readonly TimeSpan Beat = TimeSpan.FromMilliseconds(200);

    private readonly ContractRegieApp _app;

    public JobHeartbeatTests() => _app = new ContractRegieApp
    {
        Settings = new Dictionary<string, string> { ["Jobs:HeartbeatEvery"] = Beat.ToString() },
        ExtraServices = services => services.AddSingleton<IContractRegieJob>(provider => new LongTransactionJob(
            provider.GetRequiredService<Database>(), provider.GetRequiredService<JobProgress>(), _app!.Clock)),
    };

    [Fact]
    public async Task A_run_holding_the_SQLite_database_longer_than_several_heartbeats_succeeds_and_its_heartbeat_resumes()
    {
        var job = _app.Services.GetServices<IContractRegieJob>().OfType<LongTransactionJob>().Single();

        var attempt = await _app.Services.GetRequiredService<JobRunner>().RunAsync(LongTransactionJob.JobName, CancellationToken.None);

        var run = attempt!.Run!;
        Assert.True(run.Outcome == JobOutcome.Succeeded, run.Summary);
        Assert.True(job.HeartbeatAfterTransaction, "no heartbeat reached the lock after the job's transaction ended");
        Assert.Equal((2, 2), (run.Processed, run.Total));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// Writes in one transaction for far longer than a heartbeat, with a busy wait of its heartbeats included (each waits at
    /// most a second), then moves the clock and waits for a heartbeat to carry the new time to the lock.
    /// </summary>
    private sealed class LongTransactionJob(Database database, JobProgress progress, FixedTimeProvider clock) : IContractRegieJob
    {
        public const string JobName = "lange-transactie";

        private static readonly TimeSpan Held = TimeSpan.FromSeconds(2.5);

        public string Name => JobName;

        public bool HeartbeatAfterTransaction { get; private set; }

        public async Task<string> RunAsync(CancellationToken cancellationToken)
        {
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                // A write takes SQLite's one write lock until the commit.
                await connection.ExecuteAsync("UPDATE job_run SET summary = summary WHERE job = @Job", new { Job = JobName }, transaction);
                progress.Report(1, 2);
                await Task.Delay(Held, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            progress.Report(2, 2);
            clock.Now += TimeSpan.FromMinutes(1);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (!HeartbeatAfterTransaction && DateTime.UtcNow < deadline)
            {
                await Task.Delay(Beat, cancellationToken);
                await using var reader = await database.OpenAsync(cancellationToken);
                var heartbeatAt = await reader.QuerySingleAsync<DateTimeOffset>("SELECT heartbeat_at FROM job_lock WHERE job = @Job", new { Job = JobName });
                HeartbeatAfterTransaction = heartbeatAt == clock.Now;
            }
            return "klaar";
        }
    }
}
