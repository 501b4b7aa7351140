using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Spending;

/// <summary>
/// The share key of a regional OZJT contract through the real HTTP pipeline, signed in as contractmanager. The contract
/// has 2026 ceilings of € 60.000,00 for 0141 and € 40.000,01 for 0153: € 100.000,01 in all.
/// </summary>
public sealed class BudgetShareKeyApiTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    [Fact]
    public async Task Each_municipality_sees_its_share_of_the_budget_and_the_key_is_replaced_under_if_match_and_audited()
    {
        var contractId = await ContractOfKindAsync("RegionaalOzjt");
        var url = $"/api/v1/contracts/{contractId}/budget-share-key";

        var created = await Client.PostJsonAsync(url, Shares(("0141", 33.33m), ("0153", 33.33m), ("1735", 33.34m)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        // 10.000.001 cents: 3.333.000,33 + 3.333.000,33 + 3.334.000,33 rounded down is 10.000.000; the cent left goes to the
        // largest remainder, 0,3334 of 1735.
        Assert.Equal([("0141", 3_333_000L), ("0153", 3_333_000L), ("1735", 3_334_001L)], await BudgetsAsync(contractId));

        var stale = await Client.PutMatchingAsync(url, Shares(("0141", 50m), ("0153", 30m), ("1735", 20m)), ifMatch: "\"7\"");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var replaced = await Client.PutMatchingAsync(url, Shares(("0141", 50m), ("0153", 30m), ("1735", 20m)));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("\"2\"", replaced.Headers.ETag?.Tag);
        // 5.000.000,5 + 3.000.000,3 + 2.000.000,2: the cent left goes to 0141 (0,5).
        Assert.Equal([("0141", 5_000_001L), ("0153", 3_000_000L), ("1735", 2_000_000L)], await BudgetsAsync(contractId));
        await (await Client.PostJsonAsync(url, Shares(("0141", 100m)))).AssertProblemAsync(HttpStatusCode.Conflict);

        var auditor = await App.CreateClientAsAsync(Role.Lezer);
        using var key = await Client.GetJsonAsync(url);
        var keyId = key.RootElement.GetProperty("id").GetInt64();
        using var trail = await auditor.GetJsonAsync($"/api/v1/audit-entries?entity=budget_share_key&entityId={keyId}");
        var entries = trail.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Create", "Update"], entries.Select(e => e.GetProperty("action").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains("33.34", entries.Single(e => e.GetProperty("action").GetString() == "Update").GetProperty("beforeData").GetRawText(), StringComparison.Ordinal);

        var deleted = await Client.DeleteMatchingAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal([("0141", 6_000_000L), ("0153", 4_000_001L)], await BudgetsAsync(contractId));
    }

    [Fact]
    public async Task A_key_that_does_not_add_up_to_100_or_of_a_local_contract_is_refused_and_nothing_is_stored()
    {
        var regional = await ContractOfKindAsync("RegionaalOzjt");
        var local = await ContractOfKindAsync("Lokaal");

        var short99 = await Client.PostJsonAsync($"/api/v1/contracts/{regional}/budget-share-key", Shares(("0141", 60m), ("0153", 39m)));
        var onLocal = await Client.PostJsonAsync($"/api/v1/contracts/{local}/budget-share-key", Shares(("0141", 100m)));
        var withoutPercent = await Client.PostJsonAsync($"/api/v1/contracts/{regional}/budget-share-key",
            new { shares = new object[] { new { municipalityCode = "0141" } } });

        Assert.Equal(["shares"], await short99.AssertProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["shares"], await onLocal.AssertProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("shares[0].percent", await withoutPercent.AssertProblemAsync(HttpStatusCode.BadRequest));
        await (await Client.GetAsync($"/api/v1/contracts/{regional}/budget-share-key")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static object Shares(params (string Code, decimal Percent)[] shares) =>
        new { shares = shares.Select(s => new { municipalityCode = s.Code, percent = s.Percent }).ToArray() };

    private async Task<long> ContractOfKindAsync(string kind)
    {
        var providerId = await Client.CreateProviderAsync();
        var body = ContractBody(providerId);
        body["kind"] = kind;
        body["municipalities"] = new[] { "0141", "0153", "1735" };
        var contractId = await Client.CreateAsync("/api/v1/contracts", body);
        await Client.CreateAsync($"/api/v1/contracts/{contractId}/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 6_000_000 });
        await Client.CreateAsync($"/api/v1/contracts/{contractId}/budgets", new { year = 2026, municipalityCode = "0153", amountCents = 4_000_001 });
        return contractId;
    }

    private async Task<List<(string, long)>> BudgetsAsync(long contractId)
    {
        var finance = await App.CreateClientAsAsync(Role.Financien);
        using var json = await finance.GetJsonAsync($"/api/v1/reconciliation?year=2026&contractId={contractId}");
        return json.RootElement.GetProperty("items").EnumerateArray()
            .Select(row => (row.GetProperty("municipalityCode").GetString()!, row.GetProperty("budgetCents").GetInt64())).ToList();
    }
}
