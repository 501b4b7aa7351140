using System.Text.RegularExpressions;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>The Dutch pages in a real browser: sign-in, the register with its key dates, roles and the audit trail.</summary>
public sealed class PagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private async Task<(string Number, long Id)> ContractAsync()
    {
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await manager.CreateProviderAsync());
        return ((string)body["contractNumber"]!, await manager.CreateAsync("/api/v1/contracts", body));
    }

    [Fact]
    public async Task Signing_in_leads_back_to_the_register_which_shows_the_key_dates()
    {
        var (number, _) = await ContractAsync();
        await browser.App.CreateClientAsAsync(Role.Inkoper);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/contracten?q={number}");
        Assert.EndsWith("/inloggen", new Uri(page.Url).AbsolutePath);
        await page.GetByLabel("Gebruikersnaam").FillAsync(ContractRegieApp.UserNameFor(Role.Inkoper));
        await page.GetByLabel("Wachtwoord").FillAsync(ContractRegieApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        var row = page.Locator("#contracts tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        // End 31-12-2026 with 6 months notice and lead time: decide by 30-06-2026; procurement starts 6 months before 31-12-2028.
        await Assertions.Expect(row).ToContainTextAsync(number);
        await Assertions.Expect(row).ToContainTextAsync("30-06-2026");
        await Assertions.Expect(row).ToContainTextAsync("30-06-2028");
    }

    [Fact]
    public async Task A_wrong_password_is_told_in_Dutch()
    {
        var page = await browser.NewPageAsync();

        await browser.SignInAsync(page, "beheerder", "helemaal-fout-wachtwoord");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Gebruikersnaam of wachtwoord onjuist, of het account is tijdelijk geblokkeerd.");
    }

    [Fact]
    public async Task The_contract_page_shows_options_and_the_decision_deadline()
    {
        var (number, id) = await ContractAsync();
        await browser.App.CreateClientAsAsync(Role.Lezer);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Lezer), ContractRegieApp.Password);

        await page.GotoAsync($"/contracten/{id}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(number);
        await Assertions.Expect(page.GetByTestId("decision-deadline")).ToHaveTextAsync("30-06-2026");
        await Assertions.Expect(page.GetByTestId("decision-deadline-basis")).ToHaveTextAsync("de opzegtermijn (6 maanden)");
    }

    [Fact]
    public async Task Signals_of_the_daily_check_show_on_the_contract_and_in_the_signal_list()
    {
        var (number, id) = await ContractAsync();
        var admin = await browser.App.CreateClientAsAsync(Role.Beheerder);
        (await admin.PostAsync("/api/v1/jobs/contract-expiry/runs", null)).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Beheerder), ContractRegieApp.Password);

        await page.GotoAsync($"/contracten/{id}");
        await Assertions.Expect(page.Locator("#signals")).ToContainTextAsync($"Besluit over verlenging van {number} uiterlijk 30-06-2026");

        await page.GetByRole(AriaRole.Link, new() { Name = "Signaleringen" }).ClickAsync();
        await page.GetByLabel("Van").SelectOptionAsync("iedereen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await Assertions.Expect(page.Locator("#signals")).ToContainTextAsync(number);
    }

    [Fact]
    public async Task The_contract_page_shows_the_latest_measurement_of_each_agreement_and_whether_it_misses_the_norm()
    {
        var (_, id) = await ContractAsync();
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        await manager.CreateAsync($"/api/v1/contracts/{id}/outcome-agreements", new
        {
            indicator = "Doelrealisatie", norm = 75, direction = "AtLeast", unit = "%", frequency = "Halfjaar", tolerance = 2.5,
        });
        foreach (var (period, value) in new[] { ("2025-H1", 80m), ("2025-H2", 71.5m) })
        {
            await manager.CreateAsync("/api/v1/outcome-measurements", new { contractId = id, indicator = "Doelrealisatie", period, value, reportedOn = "2026-01-20" });
        }
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Contractmanager), ContractRegieApp.Password);

        await page.GotoAsync($"/contracten/{id}");

        var row = page.Locator("#outcomes tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("≥ 75 % (± 2,5)");
        await Assertions.Expect(row).ToContainTextAsync("71,5 % (2025-H2)");
        await Assertions.Expect(row).ToContainTextAsync("onder norm");
    }

    [Fact]
    public async Task The_provider_list_shows_the_risk_level_the_financial_stability_job_assessed()
    {
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var body = ProviderBody();
        var providerId = await manager.CreateAsync("/api/v1/providers", body);
        // Negative equity: Hoog whatever the other figures.
        await manager.CreateAsync("/api/v1/financial-statements", new
        {
            providerId, year = 2024, revenueCents = 100_000_000, resultCents = -5_000_000, equityCents = -1_000_000, totalAssetsCents = 40_000_000,
            currentAssetsCents = 20_000_000, currentLiabilitiesCents = 30_000_000, municipalRevenueCents = 10_000_000, auditorOpinion = "Goedkeurend",
        });
        var admin = await browser.App.CreateClientAsAsync(Role.Beheerder);
        (await admin.PostAsync("/api/v1/jobs/financial-stability/runs", null)).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Contractmanager), ContractRegieApp.Password);

        await page.GotoAsync($"/zorgaanbieders?q={body["agbCode"]}");

        await Assertions.Expect(page.Locator("#providers tbody tr")).ToContainTextAsync("Hoog (jaarrekening 2024)");
    }

    [Fact]
    public async Task Finance_sees_budget_against_spending_and_the_exceptions_on_the_spending_page()
    {
        var (agb, wmo, _) = await browser.App.CreateSpendingContractsAsync();
        var finance = await browser.App.CreateClientAsAsync(Role.Financien);
        // 12 hours at € 72,50 = € 870,00 of the € 1.000,00 budget (87 %), plus one line for a product without a contract.
        var csv = "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n"
                  + $"{agb};0141;Wmo;45;45A53;01-01-2026;31-01-2026;12;uur;870,00;;F1\r\n"
                  + $"{agb};0141;Wmo;45;45A99;01-01-2026;31-01-2026;1;stuk;10,00;;F2\r\n";
        (await finance.PostAsync("/api/v1/spending-imports", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Financien), ContractRegieApp.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Uitgaven", Exact = true }).ClickAsync();
        await page.GetByLabel("Jaar").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();

        var row = page.Locator("#reconciliation tbody tr").Filter(new() { Has = page.Locator($"a[href='/contracten/{wmo}']") });
        await Assertions.Expect(row).ToContainTextAsync("€ 1.000,00");
        await Assertions.Expect(row).ToContainTextAsync("€ 870,00");
        await Assertions.Expect(row).ToContainTextAsync("87 %");
        await Assertions.Expect(page.Locator("#exceptions")).ToContainTextAsync("uitzonderingen als CSV");
    }

    [Fact]
    public async Task The_audit_trail_is_for_beheerder_and_lezer_only()
    {
        var (number, _) = await ContractAsync();
        await browser.App.CreateClientAsAsync(Role.Lezer);
        var reader = await browser.NewPageAsync();
        await browser.SignInAsync(reader, ContractRegieApp.UserNameFor(Role.Lezer), ContractRegieApp.Password);

        await reader.GetByRole(AriaRole.Link, new() { Name = "Audittrail" }).ClickAsync();
        await reader.GetByLabel("Soort gegeven").FillAsync("contract");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await Assertions.Expect(reader.Locator("#audit")).ToContainTextAsync(number);

        var manager = await browser.NewPageAsync();
        await browser.SignInAsync(manager, ContractRegieApp.UserNameFor(Role.Contractmanager), ContractRegieApp.Password);
        await Assertions.Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Audittrail" })).ToHaveCountAsync(0);
        await manager.GotoAsync("/audittrail");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Geen toegang");
    }

    [Fact]
    public async Task Pages_are_styled_under_the_content_security_policy_and_signing_out_works()
    {
        await browser.App.CreateClientAsAsync(Role.Financien);
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        var response = await page.GotoAsync("/inloggen");
        Assert.Contains("frame-ancestors 'none'", await response!.HeaderValueAsync("content-security-policy"));

        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Financien), ContractRegieApp.Password);
        await Assertions.Expect(page.Locator("header.top")).ToHaveCSSAsync("background-color", "rgb(0, 85, 140)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inloggen$"));
        await page.GotoAsync("/zorgaanbieders");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inloggen"));
        Assert.Empty(violations);
    }
}
