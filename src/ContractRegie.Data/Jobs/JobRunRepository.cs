using System.Data.Common;
using ContractRegie.Data.Sql.Jobs;
using Dapper;

namespace ContractRegie.Data.Jobs;

public enum JobOutcome { Running, Succeeded, Failed, Abandoned }

public sealed record JobRun
{
    public long Id { get; init; }
    public string Job { get; init; } = "";
    public DateOnly RunDate { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public JobOutcome Outcome { get; init; }
    public string? Summary { get; init; }
    /// <summary>How many of <see cref="Total"/> items (contracts, providers) the run has processed; null for a job that does not count.</summary>
    public int? Processed { get; init; }
    public int? Total { get; init; }
}

/// <summary>How far a run is: processed of total.</summary>
public readonly record struct JobProgressCount(int Processed, int Total);

/// <summary>A run that could start, or the run of the same job that is busy.</summary>
public sealed record JobRunAttempt(JobRun? Run, JobRun? Busy);

public sealed class JobRunRepository(Database database, TimeProvider time)
{
    /// <summary>A run whose heartbeat (<c>Jobs:HeartbeatEvery</c>) was silent this long belonged to a process that died.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private const string AbandonedSummary = "Afgebroken: het proces dat deze run uitvoerde is gestopt.";

    /// <summary>
    /// Starts a run of <paramref name="job"/> unless another run of it is alive, on any instance. A run whose process
    /// died is marked abandoned and its lock taken over. All in one transaction: of simultaneous starts one wins.
    /// </summary>
    public async Task<JobRunAttempt> StartAsync(string job, DateOnly runDate)
    {
        await using var c = await database.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        var now = time.GetUtcNow();
        var runId = await c.ExecuteScalarAsync<long>(JobRunSql.Insert + ";\n" + database.Dialect.SelectInsertedId,
            new { Job = job, RunDate = runDate, StartedAt = now, Outcome = JobOutcome.Running }, tx);
        var taken = await c.ExecuteAsync(JobRunSql.TakeOverLock, new { Job = job, RunId = runId, Now = now, StaleBefore = now - StaleAfter }, tx) == 1
                    || await TryInsertLockAsync(tx, job, runId, now);
        if (!taken)
        {
            var holder = await c.ExecuteScalarAsync<long>(JobRunSql.ReadLockHolder, new { Job = job }, tx);
            // Nothing of this attempt stays: the busy run is the answer.
            await tx.RollbackAsync();
            return new JobRunAttempt(null, await ReadAsync(holder));
        }
        await AbandonOrphansAsync(tx, now);
        var started = await c.QuerySingleAsync<JobRun>(JobRunSql.ReadById, new { Id = runId }, tx);
        await tx.CommitAsync();
        return new JobRunAttempt(started, null);
    }

    /// <summary>
    /// Keeps the run's lock alive and writes how far the run is (when given), on a connection of its own (outside the job's
    /// transaction), waiting at most <paramref name="wait"/> for the database. False when the database stayed busy: on SQLite
    /// the job's own transaction is the one writer while it writes, so the beat is deferred to the next one; meanwhile no
    /// other instance can write a takeover of the lock either.
    /// </summary>
    public async Task<bool> HeartbeatAsync(JobRun run, JobProgressCount? progress, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        try
        {
            await using var c = await database.OpenAsync();
            await c.ExecuteAsync(JobRunSql.Heartbeat, new { run.Job, RunId = run.Id, Now = time.GetUtcNow() }, commandTimeout: seconds);
            if (progress is { } count)
            {
                await c.ExecuteAsync(JobRunSql.SaveProgress, new { run.Id, count.Processed, count.Total }, commandTimeout: seconds);
            }
            return true;
        }
        catch (DbException error) when (database.Dialect.IsBusy(error))
        {
            return false;
        }
    }

    /// <summary>Writes how far the run is, on a connection of its own (outside the job's transaction).</summary>
    public Task SaveProgressAsync(JobRun run, JobProgressCount progress) =>
        database.RunAsync(null, c => c.ExecuteAsync(JobRunSql.SaveProgress, new { run.Id, progress.Processed, progress.Total }));

    public Task FinishAsync(JobRun run, JobOutcome outcome, string summary) =>
        database.InTransactionAsync(async tx =>
        {
            await tx.Connection!.ExecuteAsync(JobRunSql.Finish,
                new { run.Id, FinishedAt = time.GetUtcNow(), Outcome = outcome, Summary = summary.Length <= 2000 ? summary : summary[..2000] }, tx);
            return await tx.Connection!.ExecuteAsync(JobRunSql.DeleteLock, new { run.Job, RunId = run.Id }, tx);
        });

    /// <summary>Marks the runs of processes that died as abandoned (at start-up, and whenever a run starts).</summary>
    public Task AbandonOrphansAsync() => database.InTransactionAsync(tx => AbandonOrphansAsync(tx, time.GetUtcNow()));

    public Task<JobRun?> ReadAsync(long id) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<JobRun>(JobRunSql.ReadById, new { Id = id }));

    public Task<JobRun?> ReadLatestAsync(string job) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<JobRun>(JobRunSql.Latest, new { Job = job }));

    private Task<int> AbandonOrphansAsync(DbTransaction tx, DateTimeOffset now) =>
        tx.Connection!.ExecuteAsync(JobRunSql.AbandonOrphans, new
        {
            Abandoned = JobOutcome.Abandoned, Running = JobOutcome.Running, Now = now, StaleBefore = now - StaleAfter,
            Summary = AbandonedSummary,
        }, tx);

    /// <summary>Inserts the lock inside a savepoint, so losing the race on the key leaves the transaction usable.</summary>
    private async Task<bool> TryInsertLockAsync(DbTransaction tx, string job, long runId, DateTimeOffset now)
    {
        await tx.SaveAsync("job_lock");
        try
        {
            await tx.Connection!.ExecuteAsync(JobRunSql.InsertLock, new { Job = job, RunId = runId, Now = now }, tx);
            return true;
        }
        catch (DbException error) when (database.Dialect.IsConstraintViolation(error))
        {
            await tx.RollbackAsync("job_lock");
            return false;
        }
    }
}
