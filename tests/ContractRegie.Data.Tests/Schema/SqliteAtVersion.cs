using ContractRegie.Migrations;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Data.Tests.Schema;

/// <summary>A new SQLite file migrated up to one version, for a migration's test to put old-shaped data in before it runs.</summary>
internal static class SqliteAtVersion
{
    public static Database Create(string file, long version)
    {
        var database = new Database(new DatabaseOptions
        {
            Provider = nameof(DatabaseEngine.Sqlite), ConnectionString = "Data Source=" + file, MigrateOnStartup = false,
        });
        using var services = new ServiceCollection().AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                database.Dialect.AddMigrationRunner(runner);
                runner.WithGlobalConnectionString(database.ConnectionString).ScanIn(typeof(ContractRegister).Assembly).For.Migrations();
            })
            .BuildServiceProvider(validateScopes: false);
        services.GetRequiredService<IMigrationRunner>().MigrateUp(version);
        return database;
    }
}
