using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Dialects;
using ContractRegie.Data.Jobs;
using ContractRegie.Data.Schema;
using ContractRegie.Core.Spending;
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
        builder.Services.AddSingleton(ReadSpendingOptions(builder));
        builder.Services.AddSingleton(builder.Configuration.GetSection(ProcurementLeadTimes.Section).Get<ProcurementLeadTimes>() ?? new ProcurementLeadTimes());
        builder.Services.AddContractRegieData(options);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"], timeout: ReadinessChecks.Timeout)
            .AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"], timeout: ReadinessChecks.Timeout);
        return builder;
    }

    /// <summary>
    /// Settings with a <see cref="SpendingOptions.Problems"/> stop the start; Development gets the published demo key, anywhere
    /// else that key, or a short one, stops the start.
    /// </summary>
    private static SpendingOptions ReadSpendingOptions(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SpendingOptions.Section).Get<SpendingOptions>() ?? new SpendingOptions();
        if (options.Problems().ToList() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }
        if (builder.Environment.IsDevelopment())
        {
            options.PseudonymKey ??= ClientPseudonym.DevelopmentKey;
        }
        else if (ClientPseudonym.ProblemOutsideDevelopment(options.PseudonymKey) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        return options;
    }

    /// <summary>The "Database" settings as the app uses them (the scheduler's store uses the same database): a relative file lies under the content root.</summary>
    public static DatabaseOptions ReadOptions(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString = ISqlDialect.For(options.Engine).PrepareConnectionString(options.ConnectionString, builder.Environment.ContentRootPath);
        return options;
    }

    /// <summary>
    /// Migrates on start only where configured (the embedded default; production runs the CLI's migrate), and
    /// gives a fresh built-in installation its first beheerder, under the schema lock.
    /// </summary>
    public static async Task<WebApplication> PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var database = app.Services.GetRequiredService<Database>();
        // Of several instances starting together, one migrates, creates the beheerder and seeds; the others wait and find it done.
        using var schemaLock = database.LockSchema();
        if (options.MigrateOnStartup)
        {
            SchemaMigrator.MigrateUp(database);
        }
        await app.Services.GetRequiredService<JobRunRepository>().AbandonOrphansAsync();
        if (await app.Services.GetRequiredService<ContractRepository>().StoreMissingKeyDatesAsync() is > 0 and var filled)
        {
            app.Logger.LogInformation("Key dates stored on {Contracts} contracts written before they were kept", filled);
        }
        if (await ContractSearchText.StoreMissingAsync(database) is > 0 and var searchable)
        {
            app.Logger.LogInformation("Search text stored on {Contracts} contracts written before it was kept", searchable);
        }
        var auth = app.Services.GetRequiredService<ContractRegieAuthOptions>();
        if (auth.Mode == SignInMode.BuiltIn && string.IsNullOrEmpty(auth.InitialAdministrator.Password) && !app.Environment.IsDevelopment())
        {
            // Outside Development no password is generated: standard output ends up with log collectors.
            if (await app.Services.GetRequiredService<UserRepository>().CountAsync() == 0)
            {
                app.Logger.LogWarning("No users yet. Set Authentication:InitialAdministrator:Password, or run " +
                    "'contractregie add-user beheerder beheerder \"Beheerder\"' with the password on standard input.");
            }
        }
        else if (auth.Mode == SignInMode.BuiltIn)
        {
            var generated = await app.Services.GetRequiredService<UserAccounts>()
                .EnsureInitialAdministratorAsync(auth.InitialAdministrator.UserName, auth.InitialAdministrator.Password);
            if (generated is not null)
            {
                // Development only: written to the console once, never to the log.
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
        app.Logger.LogInformation("Demo register loaded: {Providers} providers, {Contracts} contracts, {Allocations} allocations, {SpendingLines} spending lines ({SpendingExceptions} with an exception)",
            seeded.Providers, seeded.Contracts, seeded.Allocations, seeded.SpendingLines, seeded.SpendingExceptions);
        if (seeded.SpendingProblem is { } problem)
        {
            app.Logger.LogWarning("Demo register loaded without spending: {Problem}", problem);
        }
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
