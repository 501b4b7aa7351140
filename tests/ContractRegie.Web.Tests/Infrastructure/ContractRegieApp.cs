using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    public FixedTimeProvider Clock { get; } = new(DefaultNow);

    public string DatabasePath => Path.Combine(_directory, "contractregie.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
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
