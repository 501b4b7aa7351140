using System.Net;
using ContractRegie.Core.Spending;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ContractRegie.Web.Tests.Security;

/// <summary>The host in the Production environment: no published key, no password on standard output.</summary>
public sealed class ProductionSafeguardTests
{
    private static ContractRegieApp Production(string? pseudonymKey = null, string initialPassword = "",
        string publicBaseUrl = "https://contractregie.almelo.example/api/v1") => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Spending:PseudonymKey"] = pseudonymKey ?? ContractRegieApp.PseudonymKey,
            ["Authentication:InitialAdministrator:Password"] = initialPassword,
            ["Api:PublicBaseUrl"] = publicBaseUrl,
        },
    };

    [Theory]
    [InlineData("http://contractregie.almelo.example/api/v1", "must use https outside Development")]
    [InlineData("https://contractregie.almelo.example", "must end with /api/v1")]
    public void Production_refuses_to_start_with_a_public_API_address_that_is_not_https_or_lacks_the_version(string url, string reason)
    {
        using var app = Production(publicBaseUrl: url);

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(reason, Flatten(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ClientPseudonym.DevelopmentKey, "development key")]
    [InlineData("kort-maar-niet-leeg-31-bytes-xx", "shorter than 32 bytes")]
    public void Production_refuses_to_start_with_the_development_key_or_a_short_key(string key, string reason)
    {
        using var app = Production(key);

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(reason, Flatten(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_a_configured_password_creates_no_beheerder_and_so_prints_no_password()
    {
        await using var app = Production();
        var client = app.CreateClient();

        await (await client.PostJsonAsync("/api/v1/sessions", new { userName = "beheerder", password = "eerste-beheerder-wachtwoord" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM app_user";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Production_with_a_configured_password_and_a_real_key_starts_and_the_beheerder_signs_in()
    {
        await using var app = Production(initialPassword: "een-geheim-uit-de-kluis-1");
        var client = app.CreateClient();

        var signIn = await client.PostJsonAsync("/api/v1/sessions", new { userName = "beheerder", password = "een-geheim-uit-de-kluis-1" });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);
}
