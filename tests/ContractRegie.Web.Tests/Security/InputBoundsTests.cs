using System.Net;
using System.Text;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using ContractRegie.Web.Tests.Ui;
using ContractRegie.Data.Tests.Infrastructure;
using static ContractRegie.Data.Tests.Infrastructure.DeclarationMessage;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Security;

/// <summary>Every text field is bounded and clean, every amount in range, through the API and the imports alike.</summary>
public sealed class InputBoundsTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    [Theory]
    [InlineData("street", 201)]
    [InlineData("street", 1024 * 1024)]
    [InlineData("city", 101)]
    [InlineData("postalCode", 11)]
    [InlineData("contactEmail", 255)]
    [InlineData("contractManager", 101)]
    public async Task An_overlong_provider_field_is_refused_and_nothing_is_stored(string field, int length)
    {
        var before = await Client.CountAsync("/api/v1/providers");
        var body = ProviderBody();
        body[field] = (field == "contactEmail" ? "a@" : "") + new string('x', length - (field == "contactEmail" ? 2 : 0));

        var fields = await (await Client.PostJsonAsync("/api/v1/providers", body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], fields);
        Assert.Equal(before, await Client.CountAsync("/api/v1/providers"));
    }

    [Theory]
    [InlineData("Zorg\u0000groep")]
    [InlineData("Zorggroep \u202Efdp.exe")]
    [InlineData("Zorg\u2067groep")]
    public async Task Nul_and_direction_overrides_are_refused_in_names(string name)
    {
        var provider = ProviderBody();
        provider["name"] = name;
        var contract = ContractBody(await Client.CreateProviderAsync());
        contract["title"] = name;

        Assert.Equal(["name"], await (await Client.PostJsonAsync("/api/v1/providers", provider)).AssertProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["title"], await (await Client.PostJsonAsync("/api/v1/contracts", contract)).AssertProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task The_register_import_refuses_a_direction_override_with_a_row_error()
    {
        var csv = $"naam;kvk_nummer;agb_code;plaats\r\nZorg\u202Egroep;12345678;6{NextDigits(7)};Almelo\r\n";

        var response = await Client.PostAsync("/api/v1/register-imports/providers",
            new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { { "Content-Type", "text/csv" } } });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(json.RootElement.GetProperty("rowErrors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task A_user_name_with_a_control_character_or_too_long_a_display_name_is_refused()
    {
        var admin = await App.CreateClientAsAsync(Role.Beheerder);

        var control = await (await admin.PostJsonAsync("/api/v1/users",
            new { userName = "nul\u0000" + NextDigits(4), displayName = "Nul", roles = new[] { "Lezer" }, password = ContractRegieApp.Password }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var longName = await (await admin.PostJsonAsync("/api/v1/users",
            new { userName = "lang-" + NextDigits(4), displayName = new string('d', 201), roles = new[] { "Lezer" }, password = ContractRegieApp.Password }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["userName"], control);
        Assert.Equal(["displayName"], longName);
    }

    [Fact]
    public async Task Budgets_and_tariffs_beyond_ten_billion_euro_are_refused()
    {
        var contract = await Client.CreateAsync("/api/v1/contracts", ContractBody(await Client.CreateProviderAsync()));

        var budget = await (await Client.PostJsonAsync($"/api/v1/contracts/{contract}/budgets",
            new { year = 2026, municipalityCode = "0141", amountCents = 1_000_000_000_001L })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var tariff = await (await Client.PostJsonAsync($"/api/v1/contracts/{contract}/tariffs",
            new { productCategory = "45", productCode = "45A53", unit = "Uur", priceCents = long.MaxValue, validFrom = "2024-01-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["amountCents"], budget);
        Assert.Equal(["priceCents"], tariff);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/api/v1/contracts/{contract}/budgets",
            new { year = 2026, municipalityCode = "0141", amountCents = 1_000_000_000_000L })).StatusCode);
    }

    [Theory]
    [InlineData("uitgaven\u202Evsc.exe")]
    [InlineData("uitgaven\u0000.csv")]
    public async Task A_spending_file_name_with_control_or_direction_characters_is_refused(string fileName)
    {
        var finance = await App.CreateClientAsAsync(Role.Financien);
        var csv = "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n";

        var fields = await (await finance.PostAsync($"/api/v1/spending-imports?fileName={Uri.EscapeDataString(fileName)}",
            new StringContent(csv, Encoding.UTF8, "text/csv"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["fileName"], fields);
    }

    [Fact]
    public async Task A_declaration_with_an_overlong_number_or_a_direction_override_in_a_code_is_rejected_whole()
    {
        var (agb, wmo, _) = await App.CreateSpendingContractsAsync();
        var finance = await App.CreateClientAsAsync(Role.Financien);
        var line = new Prestatie("999900006", "45", "45A53", new(2026, 1, 1), new(2026, 1, 31), 1, "04", 7_250);
        var longNumber = Wmo323(agb, "0141", new string('9', 51), [line]);
        var overriddenCode = Wmo323(agb, "0141", "DNX" + NextDigits(4), [line with { Code = "45A\u202E53" }]);

        foreach (var message in new[] { longNumber, overriddenCode })
        {
            await (await finance.PostAsync("/api/v1/spending-imports", new StringContent(message, Encoding.UTF8, "application/xml")))
                .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        }
        using var reconciliation = await finance.GetJsonAsync($"/api/v1/reconciliation?year=2026&contractId={wmo}");
        Assert.Equal(0, reconciliation.RootElement.GetProperty("items")[0].GetProperty("spentCents").GetInt64());
    }

    [Fact]
    public async Task Spending_amounts_that_would_overflow_the_sums_are_refused_and_reconciliation_still_answers()
    {
        var (agb, wmo, _) = await App.CreateSpendingContractsAsync();
        var finance = await App.CreateClientAsAsync(Role.Financien);
        var csv = "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n"
            + $"{agb};0141;Wmo;45;45A53;01-02-2026;28-02-2026;1;uur;92233720368547758,07;;G1\r\n"
            + $"{agb};0141;Wmo;45;45A53;01-02-2026;28-02-2026;1;uur;92233720368547758,07;;G2\r\n";

        var import = await finance.PostAsync("/api/v1/spending-imports", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var reconciliation = await finance.GetAsync($"/api/v1/reconciliation?year=2026&contractId={wmo}");

        await import.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var report = JsonDocument.Parse(await import.Content.ReadAsStringAsync());
        Assert.Equal([2, 3], report.RootElement.GetProperty("rowErrors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, reconciliation.StatusCode);
    }
}

/// <summary>The import body limit on a real Kestrel port, where it is enforced (Limits:MaxImportBytes).</summary>
public sealed class ImportSizeLimitTests
{
    [Fact]
    public async Task A_spending_file_over_the_configured_limit_is_refused_with_413_and_nothing_is_imported()
    {
        await using var app = new ContractRegieApp { Settings = new Dictionary<string, string> { ["Limits:MaxImportBytes"] = "1048576" } };
        app.UseKestrel(BrowserApp.FreePort());
        app.StartServer();
        var finance = await app.CreateClientAsAsync(Role.Financien);
        var header = "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n";
        var line = "12345678;0141;Wmo;45;45A53;01-02-2026;28-02-2026;1;uur;72,50;;F1\r\n";
        var tooLarge = header + string.Concat(Enumerable.Repeat(line, 2 * 1024 * 1024 / line.Length));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/spending-imports")
        {
            Content = new StringContent(tooLarge, Encoding.UTF8, "text/csv"),
        };
        request.Headers.ExpectContinue = true;
        var response = await finance.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        using var exceptions = await finance.GetJsonAsync("/api/v1/spending-exceptions?providerAgbCode=12345678");
        Assert.Equal(0, exceptions.RootElement.GetProperty("totalCount").GetInt32());
    }
}
