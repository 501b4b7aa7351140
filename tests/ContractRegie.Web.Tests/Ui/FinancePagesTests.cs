using System.Net;
using System.Text;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>
/// The provider page, /uitgaven and the contract's budget card in a real browser, with their server-drawn SVG charts.
/// The app's clock stands on 1 March 2026; each test reconciles its own year (or its own provider), so the counts
/// it expects are those of the data it seeds, whatever the other tests of this class add.
/// </summary>
public sealed class FinancePagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string CsvHeader = "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n";

    private async Task ImportAsync(string csv)
    {
        var finance = await browser.App.CreateClientAsAsync(Role.Financien);
        (await finance.PostAsync("/api/v1/spending-imports", new StringContent(CsvHeader + csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
    }

    private static string WmoHours(string agb, int year, int hours, string invoice) =>
        $"{agb};0141;Wmo;45;45A53;01-01-{year};31-01-{year};{hours};uur;{hours * 72.5m:0.00};;{invoice}\r\n".Replace('.', ',');

    private async Task<long> ProviderOfAsync(long contractId)
    {
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        using var contract = await manager.GetJsonAsync($"/api/v1/contracts/{contractId}");
        return contract.RootElement.GetProperty("providerId").GetInt64();
    }

    private async Task<IPage> SignedInPageAsync(Role role)
    {
        await browser.App.CreateClientAsAsync(role);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(role), ContractRegieApp.Password);
        return page;
    }

    [Fact]
    public async Task The_provider_page_charts_each_ratio_per_year_and_the_budget_exhaustion_per_contract()
    {
        var (agb, wmo, _) = await browser.App.CreateSpendingContractsAsync();
        var providerId = await ProviderOfAsync(wmo);
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        // Three years; in 2023 there are no short-term debts, so that year has no current ratio and its chart one bar less.
        foreach (var (year, liabilities) in new[] { (2022, 30_000_000L), (2023, 0L), (2024, 25_000_000L) })
        {
            await manager.CreateAsync("/api/v1/financial-statements", new
            {
                providerId, year, revenueCents = 100_000_000, resultCents = 2_000_000, equityCents = 25_000_000, totalAssetsCents = 60_000_000,
                currentAssetsCents = 30_000_000, currentLiabilitiesCents = liabilities, municipalRevenueCents = 20_000_000, auditorOpinion = "Goedkeurend",
            });
        }
        await manager.CreateAsync($"/api/v1/contracts/{wmo}/outcome-agreements", new
        {
            indicator = "Doelrealisatie", norm = 75, direction = "AtLeast", unit = "%", frequency = "Halfjaar", tolerance = 2.5,
        });
        foreach (var (period, value) in new[] { ("2025-H1", 80m), ("2025-H2", 71.5m) })
        {
            await manager.CreateAsync("/api/v1/outcome-measurements", new { contractId = wmo, indicator = "Doelrealisatie", period, value, reportedOn = "2026-01-20" });
        }
        // 12 hours at € 72,50 = € 870,00 of the Wmo contract's € 1.000,00 for 2026.
        await ImportAsync(WmoHours(agb, 2026, 12, "P1"));
        var page = await SignedInPageAsync(Role.Lezer);

        await page.GotoAsync($"/zorgaanbieders/{providerId}");

        // Solvency, current ratio, profitability, resilience, dependency: 3, 2, 3, 3, 3 years.
        foreach (var (chart, bars) in new[] { (0, 3), (1, 2), (2, 3), (3, 3), (4, 3) })
        {
            await Assertions.Expect(page.Locator($"#ratio-{chart} svg rect.bar")).ToHaveCountAsync(bars);
        }
        // Solvency 25 / 60 = 41,7 % in every year, drawn against its norms from the settings (20 % and 10 %).
        await Assertions.Expect(page.Locator("#ratio-0 table")).ToContainTextAsync("41,7 %");
        await Assertions.Expect(page.Locator("#ratio-0 table")).ToContainTextAsync("goed vanaf 20 %");
        await Assertions.Expect(page.Locator("#ratio-0 svg title")).ToHaveCountAsync(1 + 3);
        // Two contracts with a 2026 budget for Almelo: two bars, the Wmo one at 87 %.
        await Assertions.Expect(page.Locator("#spending-chart svg rect.bar")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#spending-chart table")).ToContainTextAsync("87 %");
        var outcome = page.Locator("#provider-outcomes tbody tr");
        await Assertions.Expect(outcome).ToContainTextAsync("71,5 % (2025-H2)");
        await Assertions.Expect(outcome).ToContainTextAsync("onder norm");
        await Assertions.Expect(outcome).ToContainTextAsync("slechter");
        await Assertions.Expect(page.Locator("#provider-contracts tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("risk-level")).ToContainTextAsync("jaarrekening 2024");
        await PageChecks.CheckAsync(page, "zorgaanbieder-normen");
    }

    [Fact]
    public async Task Provider_names_lead_to_the_provider_page_and_spending_stays_with_finance()
    {
        var (_, wmo, _) = await browser.App.CreateSpendingContractsAsync();
        var providerId = await ProviderOfAsync(wmo);
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/zorgaanbieders/987654321")).StatusCode);
        var page = await SignedInPageAsync(Role.Contractmanager);

        await page.GotoAsync($"/contracten/{wmo}");
        await page.Locator("#key-dates").GetByRole(AriaRole.Link).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/zorgaanbieders/{providerId}");
        await Assertions.Expect(page.Locator("#provider-contracts")).ToBeVisibleAsync();
        // Budget against spending is financiën's (the /uitgaven policy); a contractmanager sees the rest.
        await Assertions.Expect(page.Locator("#spending-chart")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#provider-contracts a[href='/contracten/" + wmo + "']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Financiens_start_page_ranks_the_most_exhausted_budget_first_and_shows_a_changed_budget_at_once()
    {
        var (agb, wmo, _) = await browser.App.CreateSpendingContractsAsync();
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        using var budgets = await manager.GetJsonAsync($"/api/v1/contracts/{wmo}/budgets");
        var budgetUrl = $"/api/v1/contracts/{wmo}/budgets/" + Assert.Single(budgets.RootElement.EnumerateArray()).GetProperty("id").GetInt64();
        // A budget of € 0,10 against 2 hours (€ 145): 145000 %, more than any other test of this class spends of a 2026 budget.
        (await manager.PutMatchingAsync(budgetUrl, new { year = 2026, municipalityCode = "0141", amountCents = 10 })).EnsureSuccessStatusCode();
        await ImportAsync(WmoHours(agb, 2026, 2, "S1"));
        var page = await SignedInPageAsync(Role.Financien);

        var first = page.Locator("#budgets tbody tr").First;
        await Assertions.Expect(first.Locator($"a[href='/contracten/{wmo}']")).ToHaveCountAsync(1);
        await Assertions.Expect(first).ToContainTextAsync("145.000 %");

        (await manager.PutMatchingAsync(budgetUrl, new { year = 2026, municipalityCode = "0141", amountCents = 20 })).EnsureSuccessStatusCode();
        await page.ReloadAsync();

        await Assertions.Expect(first.Locator($"a[href='/contracten/{wmo}']")).ToHaveCountAsync(1);
        await Assertions.Expect(first).ToContainTextAsync("72.500 %");
    }

    [Fact]
    public async Task Uitgaven_leaves_out_rows_without_spending_filters_on_nearly_exhausted_and_adds_up_the_rows()
    {
        // Year 2025 is this test's alone: three providers, each a Wmo (€ 1.000,00) and a Jeugdwet (€ 10.000,00) budget for Almelo.
        var contracts = new List<(string Agb, long Wmo, long Jeugd)>();
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        for (var i = 0; i < 3; i++)
        {
            var created = await browser.App.CreateSpendingContractsAsync();
            await manager.CreateAsync($"/api/v1/contracts/{created.Wmo}/budgets", new { year = 2025, municipalityCode = "0141", amountCents = 100_000 });
            await manager.CreateAsync($"/api/v1/contracts/{created.Jeugd}/budgets", new { year = 2025, municipalityCode = "0141", amountCents = 1_000_000 });
            contracts.Add(created);
        }
        // Wmo: 12 h = € 870 (87 %), 4 h = € 290 (29 %), 14 h = € 1.015 (101,5 %); one Jeugdwet contract 2 etmaal = € 300 (3 %).
        await ImportAsync(WmoHours(contracts[0].Agb, 2025, 12, "U1") + WmoHours(contracts[1].Agb, 2025, 4, "U2") + WmoHours(contracts[2].Agb, 2025, 14, "U3")
                          + $"{contracts[0].Agb};0141;Jeugdwet;43;43A31;01-01-2025;02-01-2025;2;etmaal;300,00;;U4\r\n");
        var page = await SignedInPageAsync(Role.Financien);

        await page.GotoAsync("/uitgaven?jaar=2025");
        var rows = page.Locator("#reconciliation tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#reconciliation tbody svg.exhaustion-bar")).ToHaveCountAsync(4);
        // € 870 + 290 + 1.015 + 300 = € 2.475 of 3 × € 1.000 + € 10.000 (the Jeugdwet budget with spending).
        await Assertions.Expect(page.GetByTestId("total-spent")).ToHaveTextAsync("€ 2.475,00");
        await Assertions.Expect(page.GetByTestId("total-budget")).ToHaveTextAsync("€ 13.000,00");
        // Nothing allocated, so nothing committed: the room is € 13.000 − € 2.475 = € 10.525.
        await Assertions.Expect(page.GetByTestId("total-committed")).ToHaveTextAsync("€ 0,00");
        await Assertions.Expect(page.GetByTestId("total-room")).ToHaveTextAsync("€ 10.525,00");
        await PageChecks.CheckAsync(page, "uitgaven-filters");

        await page.GetByLabel("Ook rijen zonder uitgaven").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#reconciliation tbody svg.exhaustion-bar")).ToHaveCountAsync(6);

        await page.GetByLabel("Ook rijen zonder uitgaven").UncheckAsync();
        await page.GetByLabel("Alleen uitputting vanaf 80 %").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#reconciliation tbody .exhaustion-bar .bar.exceeded")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("total-spent")).ToHaveTextAsync("€ 1.885,00");

        // Sorted by exhaustion, highest first: the exceeded contract leads.
        await page.GetByRole(AriaRole.Link, new() { Name = "Uitputting" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Uitputting" }).ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("101,5 %");
        await Assertions.Expect(rows.Last).ToContainTextAsync("87 %");
    }

    [Fact]
    public async Task Uitgaven_shows_fifty_rows_a_page_in_the_chosen_order()
    {
        // Year 2024 is this test's alone: 26 contracts with a budget for each of their two municipalities, € 1 apart.
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var providerId = await manager.CreateProviderAsync();
        var budgets = new List<long>();
        for (var i = 0; i < 26; i++)
        {
            var contract = await manager.CreateAsync("/api/v1/contracts", ContractBody(providerId));
            foreach (var municipality in new[] { "0141", "1735" })
            {
                var cents = 100_000 + budgets.Count * 100L;
                await manager.CreateAsync($"/api/v1/contracts/{contract}/budgets", new { year = 2024, municipalityCode = municipality, amountCents = cents });
                budgets.Add(cents);
            }
        }
        var page = await SignedInPageAsync(Role.Financien);

        await page.GotoAsync("/uitgaven?jaar=2024&sort=budget&desc=true");
        var rows = page.Locator("#reconciliation tbody tr");
        // Nothing is spent in 2024, so the page says how to see the budgets.
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "ook rijen zonder uitgaven" }).ClickAsync();

        await Assertions.Expect(rows).ToHaveCountAsync(50);
        // The highest budget is 100.000 + 51 × 100 cents = € 1.051,00.
        await Assertions.Expect(rows.First).ToContainTextAsync("€ 1.051,00");
        await page.GetByRole(AriaRole.Link, new() { Name = "Volgende" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Last).ToContainTextAsync("€ 1.000,00");
        await Assertions.Expect(page.GetByTestId("total-budget")).ToHaveTextAsync(FormatEuros(budgets.Sum()));
    }

    [Fact]
    public async Task The_exceptions_are_listed_on_screen_by_kind_and_contract()
    {
        var (agb, wmo, _) = await browser.App.CreateSpendingContractsAsync();
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        using var contract = await manager.GetJsonAsync($"/api/v1/contracts/{wmo}");
        var number = contract.RootElement.GetProperty("contractNumber").GetString()!;
        // One line at € 100 for 1 hour (tariff € 72,50: deviates) and one for a product without a contract.
        await ImportAsync($"{agb};0141;Wmo;45;45A53;01-01-2026;31-01-2026;1;uur;100,00;;X1\r\n"
                          + $"{agb};0141;Wmo;45;45A99;01-01-2026;31-01-2026;1;stuk;10,00;;X2\r\n");
        var page = await SignedInPageAsync(Role.Financien);

        await page.GotoAsync("/uitgaven?jaar=2026");
        await page.Locator("#exception-list").ClickAsync();
        await page.GetByLabel("Contract", new() { Exact = true }).FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();

        var lines = page.Locator("#exception-lines tbody tr");
        await Assertions.Expect(lines).ToHaveCountAsync(1);
        await Assertions.Expect(lines).ToContainTextAsync("Bedrag wijkt af van tarief");
        await Assertions.Expect(lines).ToContainTextAsync("€ 100,00");

        await page.GetByLabel("Contract", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "Geen passend contract" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await Assertions.Expect(lines.Filter(new() { HasText = "X2" })).ToHaveCountAsync(1);
        await Assertions.Expect(lines.Filter(new() { HasText = "Bedrag wijkt af" })).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, "uitzonderingen-filter");
    }

    [Fact]
    public async Task The_contract_page_shows_its_budget_exhaustion_per_month_and_the_providers_risk_level()
    {
        var (agb, wmo, _) = await browser.App.CreateSpendingContractsAsync();
        var providerId = await ProviderOfAsync(wmo);
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        // Negative equity: Hoog whatever the other figures.
        await manager.CreateAsync("/api/v1/financial-statements", new
        {
            providerId, year = 2024, revenueCents = 100_000_000, resultCents = -5_000_000, equityCents = -1_000_000, totalAssetsCents = 40_000_000,
            currentAssetsCents = 20_000_000, currentLiabilitiesCents = 30_000_000, municipalRevenueCents = 10_000_000, auditorOpinion = "Goedkeurend",
        });
        var admin = await browser.App.CreateClientAsAsync(Role.Beheerder);
        (await admin.PostAsync("/api/v1/jobs/financial-stability/runs", null)).EnsureSuccessStatusCode();
        // January 8 h (€ 580) and February 4 h (€ 290): € 870 of € 1.000 by 1 March.
        await ImportAsync(WmoHours(agb, 2026, 8, "C1") + WmoHours(agb, 2026, 4, "C2").Replace("01-01-2026;31-01-2026", "01-02-2026;28-02-2026"));
        var page = await SignedInPageAsync(Role.Lezer);

        await page.GotoAsync($"/contracten/{wmo}");

        await Assertions.Expect(page.GetByTestId("provider-risk")).ToHaveTextAsync("Hoog");
        var card = page.Locator("#budget-exhaustion");
        await Assertions.Expect(card).ToContainTextAsync("87 %");
        await Assertions.Expect(card.GetByTestId("spent")).ToHaveTextAsync("€ 870,00");
        // No allocation, so nothing committed: the room is € 1.000 − € 870.
        await Assertions.Expect(card.GetByTestId("committed")).ToHaveTextAsync("€ 0,00");
        await Assertions.Expect(card.GetByTestId("room")).ToHaveTextAsync("€ 130,00");
        // Spent by the end of January, February and March (today, 1 March), then nothing yet.
        var table = page.Locator("#spending-per-month table tbody");
        await Assertions.Expect(table.Locator("tr").Nth(0)).ToContainTextAsync("€ 580,00");
        await Assertions.Expect(table.Locator("tr").Nth(1)).ToContainTextAsync("€ 870,00");
        await Assertions.Expect(table.Locator("tr").Nth(3)).ToContainTextAsync("—");
        // 1 Jan – 1 Mar is 60 days: € 870 × 365 / 60 = € 5.292,50 at year end.
        await Assertions.Expect(table.Locator("tr").Nth(11)).ToContainTextAsync("€ 5.292,50");
        await Assertions.Expect(page.Locator("#spending-per-month svg polyline")).ToHaveCountAsync(2);
        await PageChecks.CheckAsync(page, "contract-budget");
    }

    internal static string FormatEuros(long cents) =>
        "€ " + (cents / 100m).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
