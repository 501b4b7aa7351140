using ContractRegie.Core.Monitoring;

namespace ContractRegie.Web.Jobs;

/// <summary>The "Jobs" settings: whether the scheduler runs, each job's cron schedule (Europe/Amsterdam), the horizons.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Off in tests, which start runs through the API; without the scheduler nothing fires by itself.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron expressions (seconds first) per job name, in the municipality's time zone.</summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.Ordinal)
    {
        ["contract-expiry"] = "0 0 6 * * ?",
        ["outcome-monitoring"] = "0 15 6 * * ?",
        ["financial-stability"] = "0 30 6 * * ?",
        ["spending-reconciliation"] = "0 0 2 * * ?",
        ["notification-dispatch"] = "0 * * * * ?",
        // Daily: daily readers get theirs every morning, weekly readers on the first run of their ISO week.
        ["digest"] = "0 0 7 * * ?",
    };

    /// <summary>Months before a deadline at which a reminder is raised.</summary>
    public List<int> Horizons { get; set; } = [.. ContractExpiryRules.DefaultHorizons];

    /// <summary>Months after a reporting period ends before its outcome report counts as missing.</summary>
    public int OutcomeGraceMonths { get; set; } = OutcomeMonitoringRules.DefaultGraceMonths;

    /// <summary>How many months back outcome reports are checked for being missing.</summary>
    public int OutcomeLookBackMonths { get; set; } = OutcomeMonitoringRules.DefaultLookBackMonths;

    /// <summary>The financial-stability norms (DESIGN.md's defaults).</summary>
    public FinancialNorms FinancialNorms { get; set; } = new();
}
