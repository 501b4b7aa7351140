using System.Net;
using System.Text;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Security;

/// <summary>Provider-supplied text reaches finance's Excel through the exports; it must arrive as text, never as a formula.</summary>
public sealed class CsvExportInjectionTests(ContractRegieApp app) : SignedInTest(app, Role.Financien)
{
    [Fact]
    public async Task Formula_starting_names_and_invoice_numbers_are_exported_as_text_and_negative_amounts_as_numbers()
    {
        var (agb, wmo, _) = await App.CreateSpendingContractsAsync();
        var manager = await App.CreateClientAsAsync(Role.Contractmanager);
        using var contract = await manager.GetJsonAsync($"/api/v1/contracts/{wmo}");
        var providerId = contract.RootElement.GetProperty("providerId").GetInt64();
        var provider = ProviderBody(agb);
        provider["name"] = "=HYPERLINK(\"http://example.org\",\"Zorg\")";
        Assert.Equal(HttpStatusCode.OK, (await manager.PutMatchingAsync($"/api/v1/providers/{providerId}", provider)).StatusCode);
        var csv = "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n"
            + $"{agb};0141;Wmo;45;45A99;01-02-2026;28-02-2026;1;stuk;50,00;;@SUM(1+1)\r\n"
            + $"{agb};0141;Wmo;45;45A99;01-02-2026;28-02-2026;1;stuk;60,00;C;-1+1\r\n"
            + $"{agb};0141;Wmo;45;45A99;01-02-2026;28-02-2026;1;stuk;70,00;;+1+cmd\r\n"
            + $"{agb};0141;Wmo;45;45A99;01-02-2026;28-02-2026;1;stuk;80,00;;-0042\r\n";
        (await Client.PostAsync("/api/v1/spending-imports", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();

        var reconciliation = await ExportAsync($"/api/v1/reconciliation/export?year=2026&contractId={wmo}");
        var exceptions = await ExportAsync($"/api/v1/spending-exceptions/export?providerAgbCode={agb}");

        Assert.Contains(";\"'=HYPERLINK(\"\"http://example.org\"\",\"\"Zorg\"\")\";", reconciliation[1], StringComparison.Ordinal);
        Assert.Equal(["'@SUM(1+1)", "'-1+1", "'+1+cmd", "-0042"], exceptions.Skip(1).Select(line => line.Split(';')[14]));
    }

    private async Task<string[]> ExportAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
