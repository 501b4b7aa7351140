using System.Net;
using System.Text;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;

namespace ContractRegie.Web.Tests;

/// <summary>
/// A body of a content type the endpoint does not take is a 415 that names the ones it does, and only after authentication and
/// authorization: who may not call the endpoint learns nothing about its body. Nothing is written.
/// </summary>
public sealed class ContentTypeTests(ContractRegieApp app) : IClassFixture<ContractRegieApp>
{
    private const string Json = "Stuur de inhoud als application/json.";
    private const string RegisterFile = "Stuur de inhoud als text/csv of application/octet-stream.";

    private static string ProviderJson() => JsonSerializer.Serialize(ApiClient.ProviderBody());

    private static string ProvidersCsv() => $"naam;kvk_nummer;agb_code;plaats\r\nZorg Per Post;12345678;5{ApiClient.NextDigits(7)};Almelo\r\n";

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Role.Lezer, HttpStatusCode.Forbidden)]
    [InlineData(Role.Contractmanager, HttpStatusCode.UnsupportedMediaType)]
    public Task A_JSON_body_sent_as_XML_is_refused_after_authorization(Role? role, HttpStatusCode expected) =>
        RefusedAfterAuthorizationAsync(role, expected, "/api/v1/providers", new StringContent(ProviderJson(), Encoding.UTF8, "application/xml"), Json);

    [Fact]
    public async Task A_replacement_sent_as_CSV_is_refused_and_changes_nothing()
    {
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        var url = $"/api/v1/providers/{await client.CreateProviderAsync()}";
        var etag = await client.ETagAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(ProviderJson(), Encoding.UTF8, "text/csv") };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertTextsAsync(response, Json);
        Assert.Equal(etag, await client.ETagAsync(url));
    }

    [Fact]
    public async Task The_sign_in_takes_JSON_only_and_says_so_without_a_session()
    {
        var body = JsonSerializer.Serialize(new { userName = "wie-dan-ook", password = "geheim" });

        var response = await app.CreateClient().PostAsync("/api/v1/sessions", new StringContent(body, Encoding.UTF8, "application/xml"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertTextsAsync(response, Json);
    }

    [Fact]
    public async Task A_JSON_media_type_with_a_charset_is_JSON()
    {
        var client = await app.CreateClientAsAsync(Role.Contractmanager);

        var response = await client.PostAsync("/api/v1/providers", new StringContent(ProviderJson(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Role.Lezer, HttpStatusCode.Forbidden)]
    [InlineData(Role.Contractmanager, HttpStatusCode.UnsupportedMediaType)]
    public Task A_register_import_sent_as_JSON_is_refused_after_authorization_and_imports_nothing(Role? role, HttpStatusCode expected) =>
        RefusedAfterAuthorizationAsync(role, expected, "/api/v1/register-imports/providers",
            new StringContent(ProvidersCsv(), Encoding.UTF8, "application/json"), RegisterFile);

    [Theory]
    [InlineData("text/csv; charset=utf-8")]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    public async Task A_register_import_of_a_documented_type_or_none_is_read(string? contentType)
    {
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        var before = await client.CountAsync("/api/v1/providers");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ProvidersCsv()));
        if (contentType is not null)
        {
            content.Headers.Add("Content-Type", contentType);
        }

        var response = await client.PostAsync("/api/v1/register-imports/providers", content);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await client.CountAsync("/api/v1/providers"));
    }

    /// <summary>Posts <paramref name="content"/> as <paramref name="role"/> (or anonymously): the answer, its 415 texts, and no provider written.</summary>
    private async Task RefusedAfterAuthorizationAsync(Role? role, HttpStatusCode expected, string url, HttpContent content, string detail)
    {
        var client = role is { } signedIn ? await app.CreateClientAsAsync(signedIn) : app.CreateClient();
        var writer = await app.CreateClientAsAsync(Role.Contractmanager);
        var before = await writer.CountAsync("/api/v1/providers");

        var response = await client.PostAsync(url, content);

        await response.AssertProblemAsync(expected);
        if (expected == HttpStatusCode.UnsupportedMediaType)
        {
            await AssertTextsAsync(response, detail);
        }
        Assert.Equal(before, await writer.CountAsync("/api/v1/providers"));
    }

    private static async Task AssertTextsAsync(HttpResponseMessage response, string detail)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Formaat niet ondersteund.", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, json.RootElement.GetProperty("detail").GetString());
    }
}
