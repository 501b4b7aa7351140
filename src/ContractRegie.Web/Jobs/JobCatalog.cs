namespace ContractRegie.Web.Jobs;

/// <summary>A job as the host knows it: its type, its default schedule and its Dutch title on the beheerder's pages.</summary>
public sealed record JobDefinition(string Name, Type Type, string DefaultSchedule, string Title);

/// <summary>
/// Every job in one place. The name is the key of its schedule in the settings, of the run history and of
/// <c>/api/v1/jobs/{name}</c>; schedules are Quartz cron expressions (seconds first) in Europe/Amsterdam. A new job is
/// its class and a line here.
/// </summary>
public static class JobCatalog
{
    public const string ContractExpiry = "contract-expiry";
    public const string OutcomeMonitoring = "outcome-monitoring";
    public const string FinancialStability = "financial-stability";
    public const string SpendingReconciliation = "spending-reconciliation";
    public const string NotificationDispatch = "notification-dispatch";
    public const string Digest = "digest";

    public static IReadOnlyList<JobDefinition> All { get; } =
    [
        new(ContractExpiry, typeof(ContractExpiryJob), "0 0 6 * * ?", "Contracttermijnen"),
        new(OutcomeMonitoring, typeof(OutcomeMonitoringJob), "0 15 6 * * ?", "Prestatieafspraken"),
        new(FinancialStability, typeof(FinancialStabilityJob), "0 30 6 * * ?", "Financiële stabiliteit"),
        new(SpendingReconciliation, typeof(SpendingReconciliationJob), "0 0 2 * * ?", "Afstemming uitgaven"),
        new(NotificationDispatch, typeof(NotificationDispatchJob), "0 * * * * ?", "E-mail verzenden"),
        // Daily: daily readers get theirs every morning, weekly readers on the first run of their ISO week.
        new(Digest, typeof(DigestJob), "0 0 7 * * ?", "Overzichtsmails (dag of week)"),
    ];

    public static bool Exists(string name) => All.Any(job => job.Name == name);

    public static string Title(string name) => All.FirstOrDefault(job => job.Name == name)?.Title ?? name;
}
