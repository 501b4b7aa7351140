using ContractRegie.Data.Sql.Jobs;
using Dapper;

namespace ContractRegie.Data.Jobs;

public enum JobOutcome { Running, Succeeded, Failed }

public sealed record JobRun
{
    public long Id { get; init; }
    public string Job { get; init; } = "";
    public DateOnly RunDate { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public JobOutcome Outcome { get; init; }
    public string? Summary { get; init; }
}

public sealed class JobRunRepository(Database database, TimeProvider time)
{
    public Task<long> StartAsync(string job, DateOnly runDate) =>
        database.RunAsync(null, c => c.ExecuteScalarAsync<long>(JobRunSql.Insert + ";\n" + database.Dialect.SelectInsertedId,
            new { Job = job, RunDate = runDate, StartedAt = time.GetUtcNow(), Outcome = JobOutcome.Running.ToString() }));

    public Task FinishAsync(long id, JobOutcome outcome, string summary) =>
        database.RunAsync(null, c => c.ExecuteAsync(JobRunSql.Finish,
            new { Id = id, FinishedAt = time.GetUtcNow(), Outcome = outcome.ToString(), Summary = summary.Length <= 2000 ? summary : summary[..2000] }));

    public Task<JobRun?> ReadLatestAsync(string job) =>
        database.RunAsync(null, c => c.QuerySingleOrDefaultAsync<JobRun>(JobRunSql.Latest, new { Job = job }));
}
