using ContractRegie.Data.Contracts;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Import;
using ContractRegie.Data.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database for the configured engine, the repositories over it, the register import and the demo seeder; all stateless singletons.</summary>
    public static IServiceCollection AddContractRegieData(this IServiceCollection services, DatabaseOptions options) =>
        services
            .AddSingleton(options)
            .AddSingleton(new Database(options))
            .AddSingleton<ProviderRepository>()
            .AddSingleton<ContractRepository>()
            .AddSingleton<ContractTermsRepository>()
            .AddSingleton<RegisterImporter>()
            .AddSingleton<DemoSeeder>();
}
