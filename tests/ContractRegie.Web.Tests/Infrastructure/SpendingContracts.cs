using ContractRegie.Core.Security;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>The contracts the spending tests declare against.</summary>
public static class SpendingContracts
{
    /// <summary>
    /// A new provider with a Wmo contract (45/45A53 at € 72,50 per hour, budget € 1.000,00 for 0141 in 2026) and a
    /// Jeugdwet contract (43/43A31 at € 150,00 per etmaal, budget € 10.000,00), both 2024–2026 without options.
    /// </summary>
    public static async Task<(string Agb, long Wmo, long Jeugd)> CreateSpendingContractsAsync(this ContractRegieApp app)
    {
        var manager = await app.CreateClientAsAsync(Role.Contractmanager);
        var agb = "5" + NextDigits(7);
        var providerId = await manager.CreateAsync("/api/v1/providers", ProviderBody(agb));
        var wmo = await manager.CreateAsync("/api/v1/contracts", With(ContractBody(providerId), "Wmo"));
        var jeugd = await manager.CreateAsync("/api/v1/contracts", With(ContractBody(providerId), "Jeugdwet"));
        await manager.CreateAsync($"/api/v1/contracts/{wmo}/tariffs",
            new { productCategory = "45", productCode = "45A53", unit = "Uur", priceCents = 7_250, validFrom = "2024-01-01" });
        await manager.CreateAsync($"/api/v1/contracts/{jeugd}/tariffs",
            new { productCategory = "43", productCode = "43A31", unit = "Etmaal", priceCents = 15_000, validFrom = "2024-01-01" });
        await manager.CreateAsync($"/api/v1/contracts/{wmo}/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 100_000 });
        await manager.CreateAsync($"/api/v1/contracts/{jeugd}/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 1_000_000 });
        return (agb, wmo, jeugd);

        static Dictionary<string, object?> With(Dictionary<string, object?> body, string law)
        {
            body["law"] = law;
            body["extensionOptions"] = Array.Empty<object>();
            return body;
        }
    }
}
