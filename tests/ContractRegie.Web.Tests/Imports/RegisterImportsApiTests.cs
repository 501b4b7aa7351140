using System.Net;
using System.Text;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Imports;

public sealed class RegisterImportsApiTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    private Task<HttpResponseMessage> ImportAsync(string kind, string csv, Encoding? encoding = null) =>
        Client.PostAsync($"/api/v1/register-imports/{kind}",
            new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(csv)) { Headers = { { "Content-Type", "text/csv" } } });

    [Fact]
    public async Task A_dutch_excel_file_imports_and_a_second_time_changes_nothing()
    {
        var agb = "7" + NextDigits(7);
        // Windows-1252 with a decimal comma, as Excel saves "CSV (gescheiden door lijstscheidingsteken)".
        var providers = $"naam;kvk_nummer;agb_code;plaats;ozjt_top16\r\nZorgcoöperatie Twente;12345678;{agb};Almelo;ja\r\n";
        var contracts = "contractnummer;omschrijving;agb_code;soort;wet;aanbestedingsroute;gemeenten;startdatum;einddatum;opties;opzegtermijn_maanden\r\n"
            + $"IMP-{agb};Dagbesteding;{agb};Lokaal;Wmo;OpenHouse;0141;01-01-2025;31-12-2026;12+12;6\r\n";
        var tariffs = $"contractnummer;productcategorie;productcode;eenheid;tarief;geldig_van\r\nIMP-{agb};02;02A01;Dagdeel;1.234,56;01-01-2025\r\n";
        var cp1252 = CodePagesEncoding();

        foreach (var (kind, csv) in new[] { ("providers", providers), ("contracts", contracts), ("tariffs", tariffs) })
        {
            var first = await ImportAsync(kind, csv, cp1252);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            using var report = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
            Assert.Equal(1, report.RootElement.GetProperty("inserted").GetInt32());
        }
        using var again = JsonDocument.Parse(await (await ImportAsync("providers", providers, cp1252)).Content.ReadAsStringAsync());
        Assert.Equal((0, 0, 1), (again.RootElement.GetProperty("inserted").GetInt32(), again.RootElement.GetProperty("updated").GetInt32(),
            again.RootElement.GetProperty("unchanged").GetInt32()));

        using var found = await Client.GetJsonAsync($"/api/v1/providers?q={agb}");
        Assert.Equal("Zorgcoöperatie Twente", found.RootElement.GetProperty("items")[0].GetProperty("name").GetString());
        using var contract = await Client.GetJsonAsync($"/api/v1/contracts?q=IMP-{agb}");
        var contractId = contract.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
        using var tariff = await Client.GetJsonAsync($"/api/v1/contracts/{contractId}/tariffs");
        Assert.Equal(123_456, tariff.RootElement[0].GetProperty("priceCents").GetInt64());
    }

    [Fact]
    public async Task A_broken_file_writes_nothing_and_reports_each_bad_row_with_its_line()
    {
        var before = await Client.CountAsync("/api/v1/providers");
        var good = "6" + NextDigits(7);
        var csv = "naam;kvk_nummer;agb_code\n"
                  + $"Goed BV;12345678;{good}\n"
                  + "Fout BV;12345678;ABC\n"
                  + $"Dubbel BV;12345678;{good}\n";

        var response = await ImportAsync("providers", csv);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var lines = problem.RootElement.GetProperty("rowErrors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).ToList();
        Assert.Equal([3, 4], lines);
        Assert.Equal(before, await Client.CountAsync("/api/v1/providers"));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_field_error()
    {
        var fields = await (await ImportAsync("clients", "naam\n")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["kind"], fields);
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
