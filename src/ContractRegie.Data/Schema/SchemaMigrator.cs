using System.Reflection;
using ContractRegie.Data.Sql.Schema;
using ContractRegie.Migrations;
using Dapper;
using FluentMigrator;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Data.Schema;

/// <summary>Brings the database to the newest schema with the FluentMigrator migrations in db/.</summary>
public static class SchemaMigrator
{
    /// <summary>The newest migration this build has: a database at this version has the schema the code expects.</summary>
    public static readonly long LatestVersion = typeof(ContractRegister).Assembly.GetTypes()
        .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Version ?? 0)
        .Max();

    /// <summary>The newest migration applied to the database, read from the version table (0 when none).</summary>
    public static async Task<long> AppliedVersionAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SchemaSql.ReadAppliedVersion, cancellationToken: cancellationToken)) ?? 0;
    }

    /// <summary>
    /// A migration that fills a new table from a national register's rows (adding up 10 million spending lines took about
    /// half a minute here) must not stop at the driver's default of 30 seconds, which rolls the migration back.
    /// </summary>
    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Applies every pending migration, or those up to <paramref name="version"/> (a migration's test puts old-shaped data in there).</summary>
    public static void MigrateUp(Database database, long? version = null)
    {
        using var services = CreateRunnerServices(database);
        var runner = services.GetRequiredService<IMigrationRunner>();
        if (version is { } target)
        {
            runner.MigrateUp(target);
        }
        else
        {
            runner.MigrateUp();
        }
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
                    .WithGlobalCommandTimeout(MigrationCommandTimeout)
                    .ScanIn(typeof(ContractRegister).Assembly).For.Migrations();
            })
            .BuildServiceProvider(validateScopes: false);
}
