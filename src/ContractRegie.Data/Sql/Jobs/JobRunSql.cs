namespace ContractRegie.Data.Sql.Jobs;

public static class JobRunSql
{
    private const string Columns = "r.id, r.job, r.run_date, r.started_at, r.finished_at, r.outcome, r.summary, r.processed, r.total";

    public const string Insert = """
        INSERT INTO job_run (job, run_date, started_at, outcome) VALUES (@Job, @RunDate, @StartedAt, @Outcome)
        """;

    public const string Finish = "UPDATE job_run SET finished_at = @FinishedAt, outcome = @Outcome, summary = @Summary WHERE id = @Id";

    public const string SaveProgress = "UPDATE job_run SET processed = @Processed, total = @Total WHERE id = @Id";

    public const string ReadById = "SELECT " + Columns + " FROM job_run r WHERE r.id = @Id";

    public const string Latest = "SELECT " + Columns + """
         FROM job_run r
        WHERE r.id = (SELECT MAX(l.id) FROM job_run l WHERE l.job = @Job)
        """;

    // The primary key lets exactly one of several simultaneous runs in.
    public const string InsertLock = "INSERT INTO job_lock (job, run_id, heartbeat_at) VALUES (@Job, @RunId, @Now)";

    // A lock whose heartbeat stopped is taken over by one run only: the guard re-checks the heartbeat.
    public const string TakeOverLock = """
        UPDATE job_lock SET run_id = @RunId, heartbeat_at = @Now
        WHERE job = @Job AND heartbeat_at < @StaleBefore
        """;

    public const string ReadLockHolder = "SELECT run_id FROM job_lock WHERE job = @Job";

    public const string Heartbeat = "UPDATE job_lock SET heartbeat_at = @Now WHERE job = @Job AND run_id = @RunId";

    public const string DeleteLock = "DELETE FROM job_lock WHERE job = @Job AND run_id = @RunId";

    // Runs still "Running" that hold no live lock belonged to a process that died.
    public const string AbandonOrphans = """
        UPDATE job_run SET outcome = @Abandoned, finished_at = @Now, summary = @Summary
        WHERE outcome = @Running
          AND id NOT IN (SELECT k.run_id FROM job_lock k WHERE k.heartbeat_at >= @StaleBefore)
        """;
}
