using System.Net;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests;

public sealed class ProvidersApiTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    private const string Providers = "/api/v1/providers";

    [Fact]
    public async Task A_provider_can_be_created_read_replaced_and_deleted()
    {
        var body = ProviderBody();
        var created = await Client.PostJsonAsync(Providers, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();

        using (var read = await Client.GetJsonAsync(location))
        {
            Assert.Equal(body["agbCode"], read.RootElement.GetProperty("agbCode").GetString());
            Assert.True(read.RootElement.GetProperty("active").GetBoolean());
        }

        body["name"] = "Nieuwe naam BV";
        body["active"] = false;
        Assert.Equal(HttpStatusCode.OK, (await Client.PutMatchingAsync(location, body)).StatusCode);
        using (var replaced = await Client.GetJsonAsync(location))
        {
            Assert.Equal("Nieuwe naam BV", replaced.RootElement.GetProperty("name").GetString());
            Assert.False(replaced.RootElement.GetProperty("active").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteMatchingAsync(location)).StatusCode);
        await (await Client.GetAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_kvk_and_agb_are_field_errors_and_nothing_is_written()
    {
        var before = await Client.CountAsync(Providers);
        var body = ProviderBody();
        body["kvkNumber"] = "1234567";
        body["agbCode"] = "ABCDEFGH";

        var fields = await (await Client.PostJsonAsync(Providers, body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["agbCode", "kvkNumber"], fields.Order());
        Assert.Equal(before, await Client.CountAsync(Providers));
    }

    [Fact]
    public async Task A_second_provider_with_the_same_agb_code_is_a_conflict()
    {
        var body = ProviderBody();
        await Client.CreateAsync(Providers, body);
        var before = await Client.CountAsync(Providers);

        body["name"] = "Ander bedrijf";
        await (await Client.PostJsonAsync(Providers, body)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await Client.CountAsync(Providers));
    }

    [Fact]
    public async Task A_provider_with_contracts_cannot_be_deleted()
    {
        var providerId = await Client.CreateProviderAsync();
        await Client.CreateAsync("/api/v1/contracts", ContractBody(providerId));

        await (await Client.DeleteMatchingAsync($"{Providers}/{providerId}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"{Providers}/{providerId}")).StatusCode);
    }

    [Fact]
    public async Task Lists_are_filtered_and_paged_with_links()
    {
        var marker = "Paging" + NextDigits(5);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var body = ProviderBody();
            body["name"] = marker + " zorg " + NextDigits(3);
            await Client.CreateAsync(Providers, body);
        }

        using var first = await Client.GetJsonAsync($"{Providers}?q={marker.ToLowerInvariant()}&pageSize=2");
        var root = first.RootElement;
        Assert.Equal(3, root.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, root.GetProperty("totalPages").GetInt32());
        Assert.Equal(2, root.GetProperty("items").GetArrayLength());
        var next = root.GetProperty("links").GetProperty("next").GetProperty("href").GetString()!;

        using var second = await Client.GetJsonAsync(next);
        Assert.Equal(2, second.RootElement.GetProperty("page").GetInt32());
        Assert.Equal(1, second.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.RootElement.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Search_text_with_like_wildcards_is_taken_literally()
    {
        await Client.CreateProviderAsync();

        Assert.Equal(0, await Client.CountAsync($"{Providers}?q=%25"));
        Assert.Equal(0, await Client.CountAsync($"{Providers}?q=_"));
    }

    [Theory]
    [InlineData("?active=misschien", "active")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=100000", "pageSize")]
    [InlineData("?page=-1", "page")]
    public async Task Bad_query_values_are_field_errors(string query, string field)
    {
        var fields = await (await Client.GetAsync(Providers + query)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], fields);
    }
}
