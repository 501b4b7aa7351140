using ContractRegie.Core.Monitoring;
using ContractRegie.Data.Jobs;
using Quartz;

namespace ContractRegie.Web.Jobs;

/// <summary>The "Jobs" settings: whether the scheduler runs, each job's cron schedule (Europe/Amsterdam), the horizons.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Off in tests, which start runs through the API; without the scheduler nothing fires by itself.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron expressions (seconds first) per job name, in the municipality's time zone.</summary>
    public Dictionary<string, string> Schedules { get; set; } =
        JobCatalog.All.ToDictionary(job => job.Name, job => job.DefaultSchedule, StringComparer.Ordinal);

    /// <summary>Months before a deadline at which a reminder is raised.</summary>
    public List<int> Horizons { get; set; } = [.. ContractExpiryRules.DefaultHorizons];

    /// <summary>Months after a reporting period ends before its outcome report counts as missing.</summary>
    public int OutcomeGraceMonths { get; set; } = OutcomeMonitoringRules.DefaultGraceMonths;

    /// <summary>How many months back outcome reports are checked for being missing.</summary>
    public int OutcomeLookBackMonths { get; set; } = OutcomeMonitoringRules.DefaultLookBackMonths;

    /// <summary>Contracts (financial-stability: providers) a job reads and checks at a time: bounds its memory on a large register, and its progress moves per chunk.</summary>
    public int ContractsPerChunk { get; set; } = 1_000;

    /// <summary>How often a running job renews its lock and saves its progress; well within <see cref="JobRunRepository.StaleAfter"/>.</summary>
    public TimeSpan HeartbeatEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The financial-stability norms (DESIGN.md's defaults).</summary>
    public FinancialNorms FinancialNorms { get; set; } = new();

    /// <summary>What is wrong with these settings, each naming its key; checked when the host starts.</summary>
    public IEnumerable<string> Problems()
    {
        if (ContractsPerChunk < 1)
        {
            yield return $"{Section}:ContractsPerChunk: {ContractsPerChunk} must be at least 1.";
        }
        if (HeartbeatEvery <= TimeSpan.Zero || HeartbeatEvery > JobRunRepository.StaleAfter / 2)
        {
            yield return $"{Section}:HeartbeatEvery: {HeartbeatEvery} must be more than 0 and at most half of {JobRunRepository.StaleAfter}, after which a silent run counts as dead.";
        }
        foreach (var (name, cron) in Schedules)
        {
            if (!JobCatalog.Exists(name))
            {
                yield return $"{Section}:Schedules:{name}: no job has this name; use one of {string.Join(", ", JobCatalog.All.Select(job => job.Name))}.";
            }
            else if (!IsQuartzCron(cron))
            {
                yield return $"{Section}:Schedules:{name}: '{cron}' is not a Quartz cron expression (seconds first, e.g. \"0 0 6 * * ?\").";
            }
        }
        if (Horizons.Count == 0 || Horizons.Any(months => months <= 0))
        {
            yield return $"{Section}:Horizons: give one or more positive numbers of months, e.g. [12, 6, 3, 1].";
        }
        if (OutcomeGraceMonths < 0 || OutcomeLookBackMonths <= 0)
        {
            yield return $"{Section}:OutcomeGraceMonths must be 0 or more and {Section}:OutcomeLookBackMonths more than 0.";
        }
    }

    private static bool IsQuartzCron(string text)
    {
        try
        {
            _ = new CronExpression(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
