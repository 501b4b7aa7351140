using System.Net.Http.Json;
using ContractRegie.Core.Security;
using ContractRegie.Data.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Benchmarks.Scale;

/// <summary>
/// The real host and HTTP pipeline (in memory) over the benchmark's database, its clock standing still at <see cref="Now"/>,
/// the scheduler off (the runner starts every job run through the API) and mail written to a pickup folder.
/// </summary>
internal sealed class BenchmarkHost(string provider, string connectionString, string mailDirectory) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private const string Password = "benchmark-wachtwoord-0141";

    // The factory looks for the web project next to the solution of the running assembly, which a copied build has not; this
    // setting tells it.
    static BenchmarkHost() => SetWebProjectDirectory();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>A client signed in through the real sign-in endpoint as a new user <paramref name="userName"/> holding <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignInAsync(Role role, string name)
    {
        // Unique per run, so a run on a reused database does not meet the accounts of the one before.
        var userName = name + "-" + _run;
        await Services.GetRequiredService<UserAccounts>().CreateAsync(
            new UserAccount { UserName = userName, DisplayName = "Benchmark " + role, Roles = [role] }, Password);
        var client = CreateClient();
        (await client.PostAsJsonAsync("/api/v1/sessions", new { userName, password = Password })).EnsureSuccessStatusCode();
        return client;
    }

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("DemoData:SeedWhenEmpty", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Spending:PseudonymKey", ScaleBenchmark.PseudonymKey);
        builder.UseSetting("Mail:PickupDirectory", mailDirectory);
        builder.UseSetting("Authentication:InitialAdministrator:Password", "eerste-beheerder-benchmark");
        builder.UseSetting("Authentication:SignInAttemptsPerMinute", "10000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new StoppedClock(Now)));
    }

    /// <summary>The web project's folder (settings, wwwroot), found from the solution file at or above the current folder.</summary>
    private static void SetWebProjectDirectory()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContractRegie.sln")))
        {
            directory = directory.Parent;
        }
        var web = Path.Combine(directory?.FullName ?? throw new InvalidOperationException(
            "Run the benchmark in the repository: no ContractRegie.sln at or above " + Directory.GetCurrentDirectory()), "src", "ContractRegie.Web");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CONTRACTREGIE_WEB", web);
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
