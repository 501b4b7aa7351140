using ContractRegie.Core.Contracts;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Import;
using ContractRegie.Data.Jobs;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Spending;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContractRegie.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database for the configured engine, the repositories over it, the register and spending imports and the demo seeder; all stateless singletons.</summary>
    public static IServiceCollection AddContractRegieData(this IServiceCollection services, DatabaseOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        // The host binds the "Spending" settings before this; without them an import is refused for want of a key.
        services.TryAddSingleton(new SpendingOptions());
        services.TryAddSingleton(new ProcurementLeadTimes());
        return services
            .AddSingleton(options)
            .AddSingleton(new Database(options))
            .AddSingleton<ICurrentActor>(new FixedActor("systeem"))
            .AddSingleton<AuditTrail>()
            .AddSingleton<ProviderRepository>()
            .AddSingleton<ContractRepository>()
            .AddSingleton<RenewalDecisionRecorder>()
            .AddSingleton<ContractTermsRepository>()
            .AddSingleton<OutcomeMeasurementRepository>()
            .AddSingleton<FinancialStatementRepository>()
            .AddSingleton<ProviderRiskRepository>()
            .AddSingleton<UserRepository>()
            .AddSingleton<SessionRepository>()
            .AddSingleton<CalendarFeedRepository>()
            .AddSingleton<UserAccounts>()
            .AddSingleton<RegisterImporter>()
            .AddSingleton<SpendingRepository>()
            .AddSingleton<ReconciliationReader>()
            .AddSingleton<Reconciler>()
            .AddSingleton<ReconciliationPages>()
            .AddSingleton<BudgetPositions>()
            .AddSingleton<BudgetShareKeyRepository>()
            .AddSingleton<SpendingImporter>()
            .AddSingleton<AllocationRepository>()
            .AddSingleton<AllocationImporter>()
            .AddSingleton<DemoSeeder>()
            .AddSingleton<DemoUsers>()
            .AddSingleton<SignalRepository>()
            .AddSingleton<OutboxRepository>()
            .AddSingleton<SignalMailRepository>()
            .AddSingleton<JobRunRepository>()
            .AddSingleton<SignalWriter>();
    }
}
