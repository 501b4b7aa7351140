using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests;

public sealed class ContractTermsApiTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{

    private async Task<string> NewContractAsync()
    {
        var providerId = await Client.CreateProviderAsync();
        return $"/api/v1/contracts/{await Client.CreateAsync("/api/v1/contracts", ContractBody(providerId))}";
    }

    [Fact]
    public async Task Tariffs_keep_cents_and_indexation_and_can_be_replaced_and_deleted()
    {
        var contract = await NewContractAsync();
        var tariff = new Dictionary<string, object?>
        {
            ["productCategory"] = "45", ["productCode"] = "45A05", ["unit"] = "Uur",
            ["priceCents"] = 8_551, ["validFrom"] = "2026-01-01", ["indexationPercent"] = 3.25m,
        };
        var id = await Client.CreateAsync($"{contract}/tariffs", tariff);

        using (var read = await Client.GetJsonAsync($"{contract}/tariffs/{id}"))
        {
            Assert.Equal(8_551, read.RootElement.GetProperty("priceCents").GetInt64());
            Assert.Equal(3.25m, read.RootElement.GetProperty("indexationPercent").GetDecimal());
        }

        tariff["priceCents"] = 9_000;
        Assert.Equal(HttpStatusCode.OK, (await Client.PutMatchingAsync($"{contract}/tariffs/{id}", tariff)).StatusCode);
        using (var list = await Client.GetJsonAsync($"{contract}/tariffs"))
        {
            Assert.Equal(9_000, Assert.Single(list.RootElement.EnumerateArray()).GetProperty("priceCents").GetInt64());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteMatchingAsync($"{contract}/tariffs/{id}")).StatusCode);
        await (await Client.GetAsync($"{contract}/tariffs/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tariff_overlapping_another_of_the_same_product_is_refused_on_create_and_replace()
    {
        var contract = await NewContractAsync();
        static object Tariff(string from, string? to) =>
            new { productCategory = "45", productCode = "45A05", unit = "Uur", priceCents = 8_550, validFrom = from, validTo = to };
        await Client.CreateAsync($"{contract}/tariffs", Tariff("2026-01-01", "2026-12-31"));
        var next = await Client.CreateAsync($"{contract}/tariffs", Tariff("2027-01-01", null));

        Assert.Equal(["validFrom"], await (await Client.PostJsonAsync($"{contract}/tariffs", Tariff("2026-01-01", "2026-12-31")))
            .AssertProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["validFrom"], await (await Client.PostJsonAsync($"{contract}/tariffs", Tariff("2026-07-01", "2027-06-30")))
            .AssertProblemAsync(HttpStatusCode.BadRequest));
        using var moved = await Client.PutMatchingAsync($"{contract}/tariffs/{next}", Tariff("2026-12-31", null));
        var body = await moved.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("Overlapt met het tarief voor 45/45A05 dat geldt van 01-01-2026 tot en met 31-12-2026", body, StringComparison.Ordinal);
        using var list = await Client.GetJsonAsync($"{contract}/tariffs");
        Assert.Equal(2, list.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Invalid_tariffs_are_field_errors()
    {
        var contract = await NewContractAsync();

        var fields = await (await Client.PostJsonAsync($"{contract}/tariffs",
                new { productCategory = "4", productCode = "45A05", priceCents = -1, validFrom = "2026-01-01", validTo = "2025-01-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["priceCents", "productCategory", "unit", "validTo"], fields.Order());
    }

    [Fact]
    public async Task Budgets_are_kept_per_year_and_municipality()
    {
        var contract = await NewContractAsync();
        await Client.CreateAsync($"{contract}/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 125_000_000_00L });
        await Client.CreateAsync($"{contract}/budgets", new { year = 2026, municipalityCode = "1735", amountCents = 40_000_000_00L });

        await (await Client.PostJsonAsync($"{contract}/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 1 }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var fields = await (await Client.PostJsonAsync($"{contract}/budgets", new { year = 2026, municipalityCode = "Almelo", amountCents = 1 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["municipalityCode"], fields);

        using var list = await Client.GetJsonAsync($"{contract}/budgets");
        Assert.Equal([125_000_000_00L, 40_000_000_00L], list.RootElement.EnumerateArray().Select(b => b.GetProperty("amountCents").GetInt64()));
    }

    [Fact]
    public async Task Outcome_agreements_can_start_from_the_defaults()
    {
        var contract = await NewContractAsync();
        using var defaults = await Client.GetJsonAsync("/api/v1/outcome-agreement-defaults");
        var planned = defaults.RootElement.EnumerateArray().Single(d => d.GetProperty("indicator").GetString() == "Beëindigd volgens plan");

        var id = await Client.CreateAsync($"{contract}/outcome-agreements", new
        {
            indicator = planned.GetProperty("indicator").GetString(),
            norm = planned.GetProperty("norm").GetDecimal(),
            direction = planned.GetProperty("direction").GetString(),
            unit = planned.GetProperty("unit").GetString(),
            frequency = planned.GetProperty("frequency").GetString(),
            tolerance = 2.5m,
        });

        using var read = await Client.GetJsonAsync($"{contract}/outcome-agreements/{id}");
        Assert.Equal("AtLeast", read.RootElement.GetProperty("direction").GetString());
        Assert.Equal(2.5m, read.RootElement.GetProperty("tolerance").GetDecimal());
    }

    [Fact]
    public async Task Terms_of_an_unknown_contract_are_not_found()
    {
        await (await Client.GetAsync("/api/v1/contracts/987654/tariffs")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostJsonAsync("/api/v1/contracts/987654/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 1 }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_term_is_only_reachable_under_its_own_contract()
    {
        var contract = await NewContractAsync();
        var other = await NewContractAsync();
        var id = await Client.CreateAsync($"{contract}/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 100 });

        await (await Client.GetAsync($"{other}/budgets/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteMatchingAsync($"{other}/budgets/{id}", ifMatch: "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var stillThere = await Client.GetJsonAsync($"{contract}/budgets/{id}");
        Assert.Equal(JsonValueKind.Object, stillThere.RootElement.ValueKind);
    }
}
