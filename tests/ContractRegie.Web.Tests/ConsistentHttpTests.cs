using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;

namespace ContractRegie.Web.Tests;

/// <summary>The HTTP rules every endpoint follows: HEAD beside GET, problems with a Dutch title and a detail, safe paging.</summary>
public sealed class ConsistentHttpTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    [Fact]
    public async Task HEAD_answers_like_GET_without_a_body()
    {
        var get = await Client.GetAsync("/api/v1/providers");
        var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/providers"));
        var missing = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/providers/424242"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1.0.0", head.Headers.GetValues("API-Version").Single());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    // Past int: binding refuses it.
    [InlineData("?page=99999999999")]
    // An int, but (page - 1) × 50 is past int's 2,147,483,647: refused instead of wrapping around.
    [InlineData("?page=42949674")]
    public async Task A_page_number_that_would_overflow_is_a_field_error(string query)
    {
        var fields = await (await Client.GetAsync("/api/v1/providers" + query)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["page"], fields);
    }

    [Fact]
    public async Task The_last_page_number_that_fits_is_an_empty_page()
    {
        // (42,949,672 - 1) × 50 = 2,147,483,550 still fits an int.
        using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/providers?page=42949672"));

        Assert.Equal(0, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("GET", "/api/v1/providers", false, HttpStatusCode.Unauthorized, "Niet aangemeld.")]
    [InlineData("GET", "/api/v1/no-such-resource", true, HttpStatusCode.NotFound, "Niet gevonden.")]
    [InlineData("DELETE", "/api/v1/providers", true, HttpStatusCode.MethodNotAllowed, "Methode niet toegestaan.")]
    [InlineData("GET", "/api/v1/contracts?kind=7", true, HttpStatusCode.BadRequest, "De invoer is ongeldig.")]
    [InlineData("GET", "/api/v1/users", true, HttpStatusCode.Forbidden, "Geen toegang.")]
    public async Task Every_error_is_a_problem_with_a_Dutch_title_and_a_detail(string method, string path, bool signedIn, HttpStatusCode status, string title)
    {
        var client = signedIn ? Client : App.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.AssertProblemAsync(status);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
    }
}
