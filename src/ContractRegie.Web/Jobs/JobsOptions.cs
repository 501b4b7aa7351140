using ContractRegie.Core.Monitoring;

namespace ContractRegie.Web.Jobs;

/// <summary>The "Jobs" settings: the horizons of the contract-expiry check.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Months before a deadline at which a reminder is raised.</summary>
    public List<int> Horizons { get; set; } = [.. ContractExpiryRules.DefaultHorizons];
}
