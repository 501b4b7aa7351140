using ContractRegie.Migrations;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Data.Schema;

/// <summary>Brings the database to the newest schema with the FluentMigrator migrations in db/.</summary>
public static class SchemaMigrator
{
    public static void MigrateUp(Database database)
    {
        using var services = CreateRunnerServices(database);
        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    public static bool HasPendingMigrations(Database database)
    {
        using var services = CreateRunnerServices(database);
        return services.GetRequiredService<IMigrationRunner>().HasMigrationsToApplyUp();
    }

    private static ServiceProvider CreateRunnerServices(Database database) =>
        new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                database.Dialect.AddMigrationRunner(runner);
                runner.WithGlobalConnectionString(database.ConnectionString)
                    .ScanIn(typeof(ContractRegister).Assembly).For.Migrations();
            })
            .BuildServiceProvider(validateScopes: false);
}
