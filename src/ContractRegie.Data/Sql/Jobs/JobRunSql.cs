namespace ContractRegie.Data.Sql.Jobs;

public static class JobRunSql
{
    public const string Insert = """
        INSERT INTO job_run (job, run_date, started_at, outcome) VALUES (@Job, @RunDate, @StartedAt, @Outcome)
        """;

    public const string Finish = "UPDATE job_run SET finished_at = @FinishedAt, outcome = @Outcome, summary = @Summary WHERE id = @Id";

    public const string Latest = """
        SELECT r.id, r.job, r.run_date, r.started_at, r.finished_at, r.outcome, r.summary FROM job_run r
        WHERE r.id = (SELECT MAX(l.id) FROM job_run l WHERE l.job = @Job)
        """;
}
