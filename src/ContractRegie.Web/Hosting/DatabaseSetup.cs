using ContractRegie.Data;
using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Schema;
using ContractRegie.Data.Spending;
using ContractRegie.Data.Users;
using ContractRegie.Web.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContractRegie.Web.Hosting;

public static class DatabaseSetup
{
    /// <summary>Binds the "Database" settings; an unknown provider stops the start with the valid names.</summary>
    public static WebApplicationBuilder AddContractRegieDatabase(this WebApplicationBuilder builder)
    {
        var options = ReadOptions(builder);
        builder.Services.AddSingleton(builder.Configuration.GetSection(SpendingOptions.Section).Get<SpendingOptions>() ?? new SpendingOptions());
        builder.Services.AddSingleton(builder.Configuration.GetSection(ProcurementLeadTimes.Section).Get<ProcurementLeadTimes>() ?? new ProcurementLeadTimes());
        builder.Services.AddContractRegieData(options);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>The "Database" settings as the app uses them (the scheduler's store uses the same database).</summary>
    public static DatabaseOptions ReadOptions(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Engine == DatabaseEngine.Sqlite)
        {
            options.ConnectionString = SqliteFileUnder(builder.Environment.ContentRootPath, options.ConnectionString);
        }
        return options;
    }

    /// <summary>A relative SQLite file lives under the app's content root, wherever the process was started from.</summary>
    private static string SqliteFileUnder(string contentRoot, string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Migrates on start only where configured (the embedded default; production runs the CLI's migrate), and
    /// gives a fresh built-in installation its first beheerder.
    /// </summary>
    public static async Task<WebApplication> PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var database = app.Services.GetRequiredService<Database>();
        if (options.MigrateOnStartup)
        {
            SchemaMigrator.MigrateUp(database);
        }
        var auth = app.Services.GetRequiredService<ContractRegieAuthOptions>();
        if (auth.Mode == SignInMode.BuiltIn)
        {
            var generated = await app.Services.GetRequiredService<UserAccounts>()
                .EnsureInitialAdministratorAsync(auth.InitialAdministrator.UserName, auth.InitialAdministrator.Password);
            if (generated is not null)
            {
                // Written to the console once, never to the log: this is the only place the password appears.
                Console.WriteLine($"""

                    Eerste beheerder aangemaakt. Gebruikersnaam: {auth.InitialAdministrator.UserName}  Wachtwoord: {generated}
                    Bewaar dit wachtwoord nu; het wordt niet opnieuw getoond. Wijzig het met PUT /api/v1/users/<id>/password.

                    """);
            }
        }
        // After the first beheerder: demo accounts would otherwise count as "users exist" and leave it out.
        if (app.Configuration.GetValue<bool>("DemoData:SeedWhenEmpty"))
        {
            await SeedDemoDataAsync(app, auth);
        }
        return app;
    }

    private static async Task SeedDemoDataAsync(WebApplication app, ContractRegieAuthOptions auth)
    {
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        var seeded = await app.Services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(today);
        if (!seeded.Seeded)
        {
            return;
        }
        app.Logger.LogInformation("Demo register loaded: {Providers} providers, {Contracts} contracts", seeded.Providers, seeded.Contracts);
        if (auth.Mode == SignInMode.BuiltIn && await app.Services.GetRequiredService<DemoUsers>().CreateAsync() is { } password)
        {
            var people = string.Join(Environment.NewLine, DemoUsers.People.Select(p => $"  {p.UserName,-18} {p.Role}"));
            Console.WriteLine($"""

                Demogebruikers aangemaakt (één rol per gebruiker), allemaal met wachtwoord: {password}
                {people}

                """);
        }
    }
}

/// <summary>Ready means the database answers and its schema is current.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return SchemaMigrator.HasPendingMigrations(database)
                ? HealthCheckResult.Unhealthy("Database schema is not up to date; run 'contractregie migrate'.")
                : HealthCheckResult.Healthy($"{database.Engine} reachable, schema current.");
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{database.Engine} not reachable.", exception);
        }
    }
}
