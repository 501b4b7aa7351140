using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>
/// Editing a contract's terms and uploading files in the browser: the forms write through the same rules and audited
/// repositories as the API, and what they wrote (or did not write) is checked through the API.
/// </summary>
public sealed class FormsTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string SpendingHeader =
        "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n";

    /// <summary>Where the tests leave a picture of each page, to look at.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    [Fact]
    public async Task Finance_reads_the_row_errors_of_a_broken_spending_file_on_screen_then_imports_a_good_one()
    {
        var (agb, wmo, _) = await browser.App.CreateSpendingContractsAsync();
        var finance = await browser.App.CreateClientAsAsync(Role.Financien);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Financien), ContractRegieApp.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Importeren" }).ClickAsync();
        // Financiën may import spending only: the register imports are not offered.
        await Assertions.Expect(page.Locator("#import-choices li")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Uitgaven importeren" }).ClickAsync();

        // Line 2 is fine; line 3 is a debit line with a negative amount, line 4 has a date that does not exist.
        var broken = SpendingHeader
                     + $"{agb};0141;Wmo;45;45A53;01-01-2026;31-01-2026;12;uur;870,00;D;F1\r\n"
                     + $"{agb};0141;Wmo;45;45A53;01-02-2026;28-02-2026;2;uur;-145,00;D;F2\r\n"
                     + $"{agb};0141;Wmo;45;45A53;01-02-2026;31-02-2026;2;uur;145,00;D;F3\r\n";
        await UploadAsync(page, "uitgaven-fout.csv", broken);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("er is niets opgeslagen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "importeren-uitgaven-fouten.png"), FullPage = true });
        var rows = page.Locator("#import-errors tbody tr");
        // Line 2 gives no error; the others are told by line and column.
        await Assertions.Expect(rows.Filter(new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new Regex("^2$") }) })).ToHaveCountAsync(0);
        await Assertions.Expect(rows.Nth(0).Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Assertions.Expect(rows.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("bedrag");
        await Assertions.Expect(rows.Nth(0).Locator("td").Nth(2)).ToContainTextAsync("negatief bedrag");
        await Assertions.Expect(rows.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync("4");
        await Assertions.Expect(rows.Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("einddatum");
        await Assertions.Expect(rows.Nth(1).Locator("td").Nth(2)).ToContainTextAsync("31-02-2026");
        Assert.Equal(0L, await SpentAsync(finance, wmo));

        // 12 hours at € 72,50 = € 870,00 and 2 hours = € 145,00: € 1.015,00 in two lines.
        var good = SpendingHeader
                   + $"{agb};0141;Wmo;45;45A53;01-01-2026;31-01-2026;12;uur;870,00;D;F1\r\n"
                   + $"{agb};0141;Wmo;45;45A53;01-02-2026;28-02-2026;2;uur;145,00;D;F2\r\n";
        await UploadAsync(page, "uitgaven.csv", good);

        var report = page.Locator("#import-report");
        await Assertions.Expect(report).ToContainTextAsync("Regels ingelezen2");
        await Assertions.Expect(report).ToContainTextAsync("€ 1.015,00");
        await Assertions.Expect(page.Locator("#import-errors")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "importeren-uitgaven-gelukt.png"), FullPage = true });
        Assert.Equal(101_500L, await SpentAsync(finance, wmo));

        await UploadAsync(page, "uitgaven.csv", good);

        await Assertions.Expect(report).ToContainTextAsync("al eerder ingelezen");
        Assert.Equal(101_500L, await SpentAsync(finance, wmo));
    }

    [Fact]
    public async Task A_contractmanager_imports_tariffs_and_the_same_file_again_changes_nothing()
    {
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await manager.CreateProviderAsync());
        var contractId = await manager.CreateAsync("/api/v1/contracts", body);
        var number = (string)body["contractNumber"]!;
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Contractmanager), ContractRegieApp.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Importeren" }).ClickAsync();
        // The contractmanager may import every register file, not spending.
        await Assertions.Expect(page.Locator("#import-choices li")).ToHaveCountAsync(5);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "importeren.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Tarieven importeren" }).ClickAsync();

        const string header = "contractnummer;productcategorie;productcode;eenheid;tarief;geldig_van\r\n";
        await UploadAsync(page, "tarieven.csv", header + $"{number};45;45A53;uur;72,50;01-01-2026\r\nONBEKEND-1;45;45A53;uur;72,50;01-01-2026\r\n");
        await Assertions.Expect(page.Locator("#import-errors tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#import-errors tbody tr td").First).ToHaveTextAsync("3");
        Assert.Equal(0, (await manager.GetJsonAsync($"/api/v1/contracts/{contractId}/tariffs")).RootElement.GetArrayLength());

        var good = header + $"{number};45;45A53;uur;72,50;01-01-2026\r\n{number};45;45A54;uur;80,00;01-01-2026\r\n";
        await UploadAsync(page, "tarieven.csv", good);
        await Assertions.Expect(page.Locator("#import-report")).ToContainTextAsync("Nieuw2");
        await UploadAsync(page, "tarieven.csv", good);
        await Assertions.Expect(page.Locator("#import-report")).ToContainTextAsync("al eerder ingelezen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "importeren-tarieven.png"), FullPage = true });

        Assert.Equal(2, (await manager.GetJsonAsync($"/api/v1/contracts/{contractId}/tariffs")).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task The_browser_is_told_a_file_is_too_large_before_it_sends_it()
    {
        await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Contractmanager), ContractRegieApp.Password);
        await page.GotoAsync("/importeren/tarieven");
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        var tooLarge = Path.Combine(Path.GetTempPath(), $"tarieven-{Guid.NewGuid():N}.csv");
        try
        {
            // One byte over the import limit (Limits:MaxImportBytes, 100 MB); a sparse file, so nothing is written to disk.
            await using (var file = File.Create(tooLarge))
            {
                file.SetLength(100L * 1024 * 1024 + 1);
            }
            var input = page.GetByLabel(new Regex("^Bestand \\("));
            await input.SetInputFilesAsync(tooLarge);

            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new Regex("^Het bestand is te groot om in te lezen: hoogstens 100 MB\\."));
            await Assertions.Expect(input).ToHaveAccessibleDescriptionAsync(new Regex("te groot"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Inlezen" }).ClickAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "importeren-te-groot.png"), FullPage = true });
            Assert.Equal(0, posts);
        }
        finally
        {
            File.Delete(tooLarge);
        }
    }

    [Fact]
    public async Task A_tariff_overlapping_one_of_the_same_product_is_refused_on_the_page()
    {
        var (manager, contractId, page) = await ContractmanagerWithContractAsync();
        await manager.CreateAsync($"/api/v1/contracts/{contractId}/tariffs",
            new { productCategory = "45", productCode = "45A53", unit = "Uur", priceCents = 7_250, validFrom = "2026-01-01" });
        await page.GotoAsync($"/contracten/{contractId}/tarieven");

        await page.GetByLabel("Productcategorie").FillAsync("45");
        await page.GetByLabel("Productcode").FillAsync("45A53");
        await page.GetByLabel("Eenheid", new() { Exact = true }).SelectOptionAsync("Uur");
        await page.GetByLabel("Tarief in euro's per eenheid").FillAsync("75,00");
        var validFrom = page.GetByLabel("Geldig vanaf");
        await validFrom.FillAsync("2026-07-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await Assertions.Expect(validFrom).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(validFrom).ToHaveAccessibleDescriptionAsync(new Regex("Overlapt met het tarief voor 45/45A53 dat geldt van 01-01-2026"));
        Assert.Equal(1, (await manager.GetJsonAsync($"/api/v1/contracts/{contractId}/tariffs")).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_contractmanager_adds_a_tariff_sees_the_field_error_then_the_tariff_on_the_contract_page_and_in_the_audit_trail()
    {
        var (manager, contractId, page) = await ContractmanagerWithContractAsync();
        await page.GotoAsync($"/contracten/{contractId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tarieven bewerken" }).ClickAsync();

        await page.GetByLabel("Productcategorie").FillAsync("45");
        await page.GetByLabel("Productcode").FillAsync("45A53");
        await page.GetByLabel("Eenheid", new() { Exact = true }).SelectOptionAsync("Uur");
        var price = page.GetByLabel("Tarief in euro's per eenheid");
        await price.FillAsync("-72,50");
        await page.GetByLabel("Geldig vanaf").FillAsync("2026-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await Assertions.Expect(price).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(price).ToHaveAccessibleDescriptionAsync(new Regex("negatief"));
        // What was typed stays, and only the wrong field is marked.
        await Assertions.Expect(page.GetByLabel("Productcode")).ToHaveValueAsync("45A53");
        await Assertions.Expect(price).ToHaveValueAsync("-72,50");
        await Assertions.Expect(page.Locator("[aria-invalid=true]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "tarieven-veldfout.png"), FullPage = true });
        Assert.Equal(0, (await manager.GetJsonAsync($"/api/v1/contracts/{contractId}/tariffs")).RootElement.GetArrayLength());

        await price.FillAsync("72,50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tarief opgeslagen.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "tarieven.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar contract" }).ClickAsync();
        var tariffRow = page.Locator(".card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Tarieven" }) }).Locator("tbody tr");
        await Assertions.Expect(tariffRow).ToHaveCountAsync(1);
        await Assertions.Expect(tariffRow).ToContainTextAsync("45A53");
        await Assertions.Expect(tariffRow).ToContainTextAsync("€ 72,50");
        await Assertions.Expect(tariffRow).ToContainTextAsync("01-01-2026");

        using var tariffs = await manager.GetJsonAsync($"/api/v1/contracts/{contractId}/tariffs");
        var tariffId = tariffs.RootElement[0].GetProperty("id").GetInt64();
        var auditor = await browser.App.CreateClientAsAsync(Role.Lezer);
        using var audit = await auditor.GetJsonAsync($"/api/v1/audit-entries?entity=tariff_line&entityId={tariffId}");
        var entry = Assert.Single(audit.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("Create", entry.GetProperty("action").GetString());
        Assert.Equal(ContractRegieApp.UserNameFor(Role.Contractmanager), entry.GetProperty("actor").GetString());
        using var after = JsonDocument.Parse(entry.GetProperty("afterData").GetRawText());
        Assert.Equal(7_250L, after.RootElement.GetProperty("priceCents").GetInt64());
    }

    [Fact]
    public async Task A_budget_is_changed_and_deleted_and_an_agreement_without_a_direction_is_refused()
    {
        var (manager, contractId, page) = await ContractmanagerWithContractAsync();
        await manager.CreateAsync($"/api/v1/contracts/{contractId}/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 100_000 });

        await page.GotoAsync($"/contracten/{contractId}/budgetten");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wijzigen 2026" }).ClickAsync();
        var amount = page.GetByLabel("Budgetplafond in euro's");
        await Assertions.Expect(amount).ToHaveValueAsync("1000,00");
        await amount.FillAsync("1.250,00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#terms tbody tr")).ToContainTextAsync("€ 1.250,00");
        using (var budgets = await manager.GetJsonAsync($"/api/v1/contracts/{contractId}/budgets"))
        {
            Assert.Equal(125_000L, budgets.RootElement[0].GetProperty("amountCents").GetInt64());
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Verwijderen 2026" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Budgetplafond verwijderd.");
        Assert.Equal(0, (await manager.GetJsonAsync($"/api/v1/contracts/{contractId}/budgets")).RootElement.GetArrayLength());

        await page.GotoAsync($"/contracten/{contractId}/prestatieafspraken");
        await page.GetByLabel("Indicator", new() { Exact = true }).FillAsync("Doelrealisatie");
        await page.GetByLabel("Norm", new() { Exact = true }).FillAsync("75");
        await page.GetByLabel("Eenheid", new() { Exact = true }).FillAsync("%");
        await page.GetByLabel("Rapportage", new() { Exact = true }).SelectOptionAsync("Halfjaar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Richting", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Is verplicht.");
        await Assertions.Expect(page.GetByLabel("Indicator", new() { Exact = true })).ToHaveValueAsync("Doelrealisatie");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "prestatieafspraken-veldfout.png"), FullPage = true });
        Assert.Equal(0, (await manager.GetJsonAsync($"/api/v1/contracts/{contractId}/outcome-agreements")).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_budget_someone_else_changed_meanwhile_is_not_overwritten_and_the_page_says_so_in_Dutch()
    {
        var (manager, contractId, page) = await ContractmanagerWithContractAsync();
        var budgetUrl = $"/api/v1/contracts/{contractId}/budgets/"
            + await manager.CreateAsync($"/api/v1/contracts/{contractId}/budgets", new { year = 2026, municipalityCode = "0141", amountCents = 100_000 });
        await page.GotoAsync($"/contracten/{contractId}/budgetten");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wijzigen 2026" }).ClickAsync();
        await page.GetByLabel("Budgetplafond in euro's").FillAsync("1.250,00");

        // Someone else changes the budget between this page's read and its save.
        Assert.Equal(HttpStatusCode.OK, (await manager.PutMatchingAsync(budgetUrl, new { year = 2026, municipalityCode = "0141", amountCents = 200_000 })).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Iemand anders heeft dit intussen gewijzigd");
        await Assertions.Expect(page.GetByLabel("Budgetplafond in euro's")).ToHaveValueAsync("2000,00");
        using (var stored = await manager.GetJsonAsync(budgetUrl))
        {
            Assert.Equal(200_000L, stored.RootElement.GetProperty("amountCents").GetInt64());
        }

        // Saving again is based on the version now shown.
        await page.GetByLabel("Budgetplafond in euro's").FillAsync("1.250,00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Budgetplafond opgeslagen.");
        using var saved = await manager.GetJsonAsync(budgetUrl);
        Assert.Equal(125_000L, saved.RootElement.GetProperty("amountCents").GetInt64());
    }

    [Fact]
    public async Task Other_roles_see_no_edit_or_upload_controls_and_are_refused_when_they_post()
    {
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var contractId = await manager.CreateAsync("/api/v1/contracts", ContractBody(await manager.CreateProviderAsync()));
        var reader = await browser.App.CreateClientAsAsync(Role.Lezer);
        var finance = await browser.App.CreateClientAsAsync(Role.Financien);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Lezer), ContractRegieApp.Password);

        await page.GotoAsync($"/contracten/{contractId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "bewerken" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Importeren" })).ToHaveCountAsync(0);

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.ProductCategory"] = "45", ["Form.ProductCode"] = "45A53", ["Form.Unit"] = "Uur", ["Form.Price"] = "72,50", ["Form.ValidFrom"] = "2026-01-01",
        });
        foreach (var (client, url) in new[]
                 {
                     (reader, $"/contracten/{contractId}/tarieven"), (finance, $"/contracten/{contractId}/tarieven"),
                     (reader, "/importeren/uitgaven"), (finance, "/importeren/tarieven"),
                 })
        {
            var response = await client.PostAsync(url, form);
            Assert.True(IsRefusal(response), $"{url}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        }
        Assert.True(IsRefusal(await reader.GetAsync("/importeren")));
        Assert.Equal(0, (await manager.GetJsonAsync($"/api/v1/contracts/{contractId}/tariffs")).RootElement.GetArrayLength());
    }

    /// <summary>A new contract, the contractmanager's API client and a browser page signed in as the contractmanager.</summary>
    private async Task<(HttpClient Manager, long ContractId, IPage Page)> ContractmanagerWithContractAsync()
    {
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var contractId = await manager.CreateAsync("/api/v1/contracts", ContractBody(await manager.CreateProviderAsync()));
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Contractmanager), ContractRegieApp.Password);
        return (manager, contractId, page);
    }

    /// <summary>Refused: a 403, or (the cookie scheme's way for pages) the no-access page.</summary>
    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden || response.RequestMessage?.RequestUri?.AbsolutePath == "/geen-toegang";

    private static async Task UploadAsync(IPage page, string fileName, string content)
    {
        await page.GetByLabel(new Regex("^Bestand \\(")).SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Inlezen" }).ClickAsync();
    }

    private static async Task<long> SpentAsync(HttpClient finance, long contractId)
    {
        using var json = await finance.GetJsonAsync($"/api/v1/reconciliation?year=2026&contractId={contractId}");
        return json.RootElement.GetProperty("items").EnumerateArray().Sum(row => row.GetProperty("spentCents").GetInt64());
    }
}

/// <summary>The upload page's size limit, in process (a real socket would be reset by Kestrel after the early answer).</summary>
public sealed class ImportPageLimitTests(ContractRegieApp app) : SignedInTest(app, Role.Contractmanager)
{
    [Fact]
    public async Task A_file_over_the_limit_is_not_read_and_the_page_says_so_in_Dutch()
    {
        // Imports take at most 100 MB (Limits:MaxImportBytes), like the API's.
        var tooLarge = new ByteArrayContent(new byte[100 * 1024 * 1024 + 1]);
        tooLarge.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "grens") } };

        var response = await Client.PostAsync("/importeren/tarieven", tooLarge);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("?teGroot=True", response.RequestMessage?.RequestUri?.Query);
        // The message is on the page either way (the browser shows it before sending); here it is not hidden.
        Assert.Contains("<span class=\"field-error\" id=\"bestand-te-groot\" role=\"alert\">Het bestand is te groot om in te lezen: hoogstens 100 MB.",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
