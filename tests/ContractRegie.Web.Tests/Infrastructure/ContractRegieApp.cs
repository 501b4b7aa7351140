using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContractRegie.Core.Security;
using ContractRegie.Data.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>
/// The real host and HTTP pipeline over a fresh SQLite file per test class, with the clock fixed at
/// 1 March 2026 09:00 in Amsterdam unless a test moves it.
/// </summary>
public sealed class ContractRegieApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("contractregie-web-").FullName;

    public const string Password = "test-wachtwoord-123";

    /// <summary>The key BSNs are pseudonymised with in the tests (Spending:PseudonymKey).</summary>
    public const string PseudonymKey = "sleutel-van-de-gemeente-almelo-0141-test";

    private readonly SemaphoreSlim _usersLock = new(1, 1);
    private readonly HashSet<Role> _usersCreated = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<HttpClient, string> _sessionCookies = new();

    public FixedTimeProvider Clock { get; } = new(DefaultNow);

    /// <summary>Further settings, e.g. the OIDC mode for the bearer-token tests.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Services a test adds to the real ones, e.g. a job that waits for the test.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Sign-in attempts per minute per address; the throttling test lowers it.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10_000;

    /// <summary>A client signed in through the real sign-in endpoint as a user holding just <paramref name="role"/>.</summary>
    public async Task<HttpClient> CreateClientAsAsync(Role role)
    {
        var userName = UserNameFor(role);
        await _usersLock.WaitAsync();
        try
        {
            if (_usersCreated.Add(role))
            {
                await Services.GetRequiredService<UserAccounts>().CreateAsync(
                    new UserAccount { UserName = userName, DisplayName = $"Test {role}", Roles = [role] }, Password);
            }
        }
        finally
        {
            _usersLock.Release();
        }
        var client = CreateClient();
        var response = await client.PostJsonAsync("/api/v1/sessions", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        _sessionCookies[client] = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return client;
    }

    /// <summary>The session cookie a signed-in client holds, as a Cookie header value.</summary>
    public string SessionCookieOf(HttpClient client) => _sessionCookies[client];

    public static string UserNameFor(Role role) => "test-" + role.ToString().ToLowerInvariant();

    public string DatabasePath => Path.Combine(_directory, "contractregie.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Authentication:InitialAdministrator:Password", "eerste-beheerder-wachtwoord");
        // The factory runs in Development, where the demo register would be loaded; tests make their own data.
        builder.UseSetting("DemoData:SeedWhenEmpty", "false");
        // Tests start job runs through the API; the scheduler is tested on its own (SchedulerTests).
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Spending:PseudonymKey", PseudonymKey);
        // The tests' declarations are all in by "today"; the lag's projection has its own tests in Core (RunRateTests).
        builder.UseSetting("Spending:DeclarationLagDays", "0");
        builder.UseSetting("Authentication:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ExtraServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Dispose runs from both Dispose and DisposeAsync.
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

public static class HttpContentExtensions
{
    public static async Task<T> ReadAsAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(ContractRegieApp.Json))!;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, ContractRegieApp.Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, ContractRegieApp.Json);
}
