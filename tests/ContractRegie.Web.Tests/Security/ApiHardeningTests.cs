using System.Net;
using System.Text;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using ContractRegie.Web.Tests.Ui;

namespace ContractRegie.Web.Tests.Security;

/// <summary>The cookie API against forged cross-site writes and caches.</summary>
public sealed class ApiHardeningTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    private static string ProvidersCsv() =>
        $"naam;kvk_nummer;agb_code;plaats\r\nVervalst Zorg;12345678;6{ApiClient.NextDigits(7)};Almelo\r\n";

    [Theory]
    [InlineData("text/plain", null, null, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", null, null, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("multipart/form-data; boundary=x", null, null, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/plain", "http://aanvaller.example", null, HttpStatusCode.Forbidden)]
    [InlineData("text/csv", "http://aanvaller.example", null, HttpStatusCode.Forbidden)]
    [InlineData("text/csv", null, "cross-site", HttpStatusCode.Forbidden)]
    [InlineData("text/csv", null, "same-site", HttpStatusCode.Forbidden)]
    public async Task A_forged_write_with_the_cookie_is_refused_and_imports_nothing(string contentType, string? origin, string? fetchSite, HttpStatusCode expected)
    {
        var before = await Client.CountAsync("/api/v1/providers");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/register-imports/providers")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(ProvidersCsv())) { Headers = { { "Content-Type", contentType } } },
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        await (await Client.SendAsync(request)).AssertProblemAsync(expected);

        Assert.Equal(before, await Client.CountAsync("/api/v1/providers"));
    }

    [Fact]
    public async Task A_same_origin_csv_import_from_the_browser_still_works()
    {
        var before = await Client.CountAsync("/api/v1/providers");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/register-imports/providers")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(ProvidersCsv())) { Headers = { { "Content-Type", "text/csv" } } },
        };
        request.Headers.Add("Origin", Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(request)).StatusCode);
        Assert.Equal(before + 1, await Client.CountAsync("/api/v1/providers"));
    }

    [Fact]
    public async Task A_bodyless_write_from_another_origin_is_refused()
    {
        var admin = await App.CreateClientAsAsync(Role.Beheerder);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs/contract-expiry/runs");
        request.Headers.Add("Origin", "http://aanvaller.example");

        await (await admin.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Api_answers_and_problems_are_not_stored_by_caches()
    {
        var list = await Client.GetAsync("/api/v1/providers");
        var problem = await App.CreateClient().GetAsync("/api/v1/contracts");

        Assert.Equal("no-store", list.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", problem.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, problem.StatusCode);
    }
}

/// <summary>Behind a TLS-terminating proxy, on a real Kestrel port: only a known proxy's X-Forwarded-Proto counts.</summary>
public sealed class ForwardedHeadersTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("10.9.8.7", false)]
    public async Task A_known_proxy_makes_the_session_cookie_secure_and_sends_hsts(string? knownProxy, bool trusted)
    {
        var settings = knownProxy is null ? new Dictionary<string, string>() : new() { ["ForwardedHeaders:KnownProxies:0"] = knownProxy };
        await using var app = new ContractRegieApp { Settings = settings };
        app.UseKestrel(BrowserApp.FreePort());
        app.StartServer();
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions")
        {
            Content = new StringContent("{\"userName\":\"beheerder\",\"password\":\"eerste-beheerder-wachtwoord\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        // HSTS is never sent to localhost; the proxy forwards the public name.
        request.Headers.Host = "contractregie.almelo.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Equal(trusted, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(trusted, response.Headers.Contains("Strict-Transport-Security"));
    }
}
