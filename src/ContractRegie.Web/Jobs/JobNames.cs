namespace ContractRegie.Web.Jobs;

/// <summary>The jobs by name: the key of a schedule in the settings, of the run history and of <c>/api/v1/jobs/{name}</c>.</summary>
public static class JobNames
{
    public const string ContractExpiry = "contract-expiry";
    public const string OutcomeMonitoring = "outcome-monitoring";
    public const string FinancialStability = "financial-stability";
    public const string SpendingReconciliation = "spending-reconciliation";
    public const string NotificationDispatch = "notification-dispatch";
    public const string Digest = "digest";

    public static IReadOnlyList<string> All { get; } =
        [ContractExpiry, OutcomeMonitoring, FinancialStability, SpendingReconciliation, NotificationDispatch, Digest];
}
