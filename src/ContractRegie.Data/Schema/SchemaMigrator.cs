using ContractRegie.Migrations;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Data.Schema;

/// <summary>Brings the database to the newest schema with the FluentMigrator migrations in db/.</summary>
public static class SchemaMigrator
{
    public static void MigrateUp(Database database)
    {
        using var services = CreateRunnerServices(database.Engine, database.ConnectionString);
        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    public static bool HasPendingMigrations(Database database)
    {
        using var services = CreateRunnerServices(database.Engine, database.ConnectionString);
        return services.GetRequiredService<IMigrationRunner>().HasMigrationsToApplyUp();
    }

    private static ServiceProvider CreateRunnerServices(DatabaseEngine engine, string connectionString) =>
        new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                _ = engine switch
                {
                    DatabaseEngine.Sqlite => runner.AddSQLite(),
                    DatabaseEngine.Postgres => runner.AddPostgres(),
                    DatabaseEngine.SqlServer => runner.AddSqlServer(),
                    _ => throw new InvalidOperationException($"Unsupported engine {engine}."),
                };
                runner.WithGlobalConnectionString(connectionString)
                    .ScanIn(typeof(ContractRegister).Assembly).For.Migrations();
            })
            .BuildServiceProvider(validateScopes: false);
}
