using System.Net;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Reliability;

/// <summary>Parallel changes based on one read: the first wins, every other is refused instead of silently lost.</summary>
public sealed class LostUpdateTests
{
    private const int Writers = 20;

    [Fact]
    public async Task Twenty_parallel_puts_of_a_contract_with_the_same_If_Match_on_PostgreSQL_let_exactly_one_win()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        await using var app = new ContractRegieApp
        {
            Settings = new Dictionary<string, string> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = database.ConnectionString },
        };
        await OneOfTwentyWinsAsync(await app.CreateClientAsAsync(Role.Contractmanager));
    }

    [Fact]
    public async Task Twenty_parallel_puts_of_a_contract_with_the_same_If_Match_on_SQLite_let_exactly_one_win()
    {
        await using var app = new ContractRegieApp();
        await OneOfTwentyWinsAsync(await app.CreateClientAsAsync(Role.Contractmanager));
    }

    private static async Task OneOfTwentyWinsAsync(HttpClient client)
    {
        var body = ContractBody(await client.CreateProviderAsync());
        var url = $"/api/v1/contracts/{await client.CreateAsync("/api/v1/contracts", body)}";
        var etag = await client.ETagAsync(url);

        var answers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer =>
            client.PutMatchingAsync(url, new Dictionary<string, object?>(body) { ["title"] = $"Versie van schrijver {writer}" }, etag)));

        var winners = Enumerable.Range(0, Writers).Where(w => answers[w].StatusCode == HttpStatusCode.OK).ToList();
        var winner = Assert.Single(winners);
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await loser.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }
        using var stored = await client.GetJsonAsync(url);
        Assert.Equal($"Versie van schrijver {winner}", stored.RootElement.GetProperty("title").GetString());
        Assert.Equal("\"2\"", await client.ETagAsync(url));
        Assert.Equal("\"2\"", answers[winner].Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_put_read_before_a_Verlengen_cannot_reset_the_exercised_option()
    {
        await using var app = new ContractRegieApp();
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        // ContractBody: ends 31 Dec 2026 with two options of 12 months each.
        var staleBody = ContractBody(await client.CreateProviderAsync());
        var url = $"/api/v1/contracts/{await client.CreateAsync("/api/v1/contracts", staleBody)}";
        var staleTag = await client.ETagAsync(url);
        // What a client read before the decision: no option exercised.
        staleBody["extensionOptions"] = new[] { new { durationMonths = 12, exercised = false }, new { durationMonths = 12, exercised = false } };
        var extend = new { decision = "Verlengen", reason = "Prestaties op norm" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"{url}/renewal-decisions", extend)).StatusCode);

        await (await client.PutMatchingAsync(url, staleBody, staleTag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        // Even with the current ETag, the options the old body calls not exercised stay exercised.
        Assert.Equal(HttpStatusCode.OK, (await client.PutMatchingAsync(url, staleBody)).StatusCode);
        using (var contract = await client.GetJsonAsync(url))
        {
            Assert.Equal([true, false], contract.RootElement.GetProperty("extensionOptions").EnumerateArray().Select(o => o.GetProperty("exercised").GetBoolean()));
            Assert.Equal("2027-12-31", contract.RootElement.GetProperty("keyDates").GetProperty("currentEnd").GetString());
        }

        // The second Verlengen takes option 2, and then none remains: never two extensions from one option.
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"{url}/renewal-decisions", extend)).StatusCode);
        await (await client.PostJsonAsync($"{url}/renewal-decisions", extend)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var decisions = await client.GetJsonAsync($"{url}/renewal-decisions");
        Assert.Equal([1, 2], decisions.RootElement.EnumerateArray().Select(d => d.GetProperty("exercisedOptionSequence").GetInt32()));
        using var extended = await client.GetJsonAsync(url);
        Assert.Equal("2028-12-31", extended.RootElement.GetProperty("keyDates").GetProperty("currentEnd").GetString());
    }

    [Fact]
    public async Task Changes_without_If_Match_are_refused_with_428_and_write_nothing()
    {
        await using var app = new ContractRegieApp();
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        var providerBody = ProviderBody();
        var provider = $"/api/v1/providers/{await client.CreateAsync("/api/v1/providers", providerBody)}";
        var contractBody = ContractBody(await client.CreateProviderAsync());
        var contract = $"/api/v1/contracts/{await client.CreateAsync("/api/v1/contracts", contractBody)}";
        var budget = new { year = 2026, municipalityCode = "0141", amountCents = 100_000 };
        var budgetUrl = $"{contract}/budgets/{await client.CreateAsync($"{contract}/budgets", budget)}";

        var answers = new[]
        {
            await client.PutJsonAsync(provider, new Dictionary<string, object?>(providerBody) { ["name"] = "Zonder If-Match" }),
            await client.DeleteAsync(provider),
            await client.PutJsonAsync(contract, new Dictionary<string, object?>(contractBody) { ["title"] = "Zonder If-Match" }),
            await client.PutJsonAsync(budgetUrl, budget with { amountCents = 1 }),
            await client.DeleteAsync(budgetUrl),
        };

        foreach (var answer in answers)
        {
            await answer.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        }
        Assert.Equal(["\"1\"", "\"1\"", "\"1\""], [await client.ETagAsync(provider), await client.ETagAsync(contract), await client.ETagAsync(budgetUrl)]);
        using var stored = await client.GetJsonAsync(budgetUrl);
        Assert.Equal(100_000, stored.RootElement.GetProperty("amountCents").GetInt64());
    }

    [Fact]
    public async Task A_stale_delete_is_refused_with_412_and_the_current_ETag_deletes()
    {
        await using var app = new ContractRegieApp();
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        var body = ProviderBody();
        var url = $"/api/v1/providers/{await client.CreateAsync("/api/v1/providers", body)}";
        var first = await client.ETagAsync(url);
        Assert.Equal(HttpStatusCode.OK, (await client.PutMatchingAsync(url, new Dictionary<string, object?>(body) { ["city"] = "Hengelo" }, first)).StatusCode);

        await (await client.DeleteMatchingAsync(url, first)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteMatchingAsync(url)).StatusCode);
        await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_financial_statement_needs_If_Match_and_a_stale_one_is_refused()
    {
        await using var app = new ContractRegieApp();
        var client = await app.CreateClientAsAsync(Role.Contractmanager);
        var body = Jobs.MonitoringJobsTests.Healthy2024(await client.CreateProviderAsync());
        var url = $"/api/v1/financial-statements/{await client.CreateAsync("/api/v1/financial-statements", body)}";
        var first = await client.ETagAsync(url);
        var corrected = new Dictionary<string, object?>(body) { ["resultCents"] = 7_000_000L };

        await (await client.PutJsonAsync(url, corrected)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.OK, (await client.PutMatchingAsync(url, corrected, first)).StatusCode);
        await (await client.PutMatchingAsync(url, body, first)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.DeleteMatchingAsync(url, first)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        using var stored = await client.GetJsonAsync(url);
        Assert.Equal(7_000_000L, stored.RootElement.GetProperty("resultCents").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteMatchingAsync(url)).StatusCode);
    }
}
