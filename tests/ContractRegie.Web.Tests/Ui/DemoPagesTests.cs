using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Security;
using ContractRegie.Data.Demo;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>
/// The app as `dotnet run` starts it, with the demo register seeded on 23 November 2026 and the nightly and daily jobs run
/// once, in a real browser.
/// </summary>
public sealed class DemoBrowserApp() : BrowserApp(new ContractRegieApp
{
    Settings = new Dictionary<string, string> { ["DemoData:SeedWhenEmpty"] = "true" },
})
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public override async Task InitializeAsync()
    {
        App.Clock.Now = new DateTimeOffset(Today, new TimeOnly(8, 0), TimeSpan.Zero);
        await base.InitializeAsync();
        foreach (var job in new[] { "spending-reconciliation", "contract-expiry", "outcome-monitoring", "financial-stability" })
        {
            await App.RunJobAsync(job);
        }
    }
}

/// <summary>
/// Issue 16: the planner, /uitgaven, the exceptions, the rechtmatigheid, the provider page and the contract's budget card show
/// the demo register's data on `dotnet run`. What each page should count is worked out from what <see cref="DemoRegister"/>
/// and <see cref="DemoSpending"/> declare. Each page passes axe; the screenshots are those of README.md
/// (CONTRACTREGIE_SCREENSHOTS=$PWD/docs/screenshots).
/// </summary>
public sealed class DemoPagesTests(DemoBrowserApp browser) : IClassFixture<DemoBrowserApp>
{
    private static readonly DemoRegister Register = DemoRegister.Generate(DemoBrowserApp.Today);
    private static readonly DemoSpending Spending = DemoSpending.Generate(Register, DemoBrowserApp.Today);

    private async Task<IPage> SignedInPageAsync(Role role)
    {
        await browser.App.CreateClientAsAsync(role);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(role), ContractRegieApp.Password);
        return page;
    }

    private async Task<long> ContractIdAsync(string contractNumber)
    {
        var reader = await browser.App.CreateClientAsAsync(Role.Lezer);
        using var found = await reader.GetJsonAsync($"/api/v1/contracts?q={contractNumber}");
        return found.RootElement.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("contractNumber").GetString() == contractNumber)
            .GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task The_planner_shows_every_contract_and_the_regional_ones_on_one_timeline()
    {
        var page = await SignedInPageAsync(Role.Inkoper);

        await page.GotoAsync("/verlengingen");
        // No decision ended a demo contract: all of them are still to plan, 25 a page.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{Register.Contracts.Count} contracten");
        await Assertions.Expect(page.Locator("#planner tbody tr")).ToHaveCountAsync(25);

        await page.GotoAsync("/verlengingen?kind=RegionaalOzjt");
        var regional = Register.Contracts.Count(c => c.Contract.Kind == ContractKind.RegionaalOzjt);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{regional} contracten");
        await Assertions.Expect(page.Locator("#planner tbody tr")).ToHaveCountAsync(regional);
        await PageChecks.CheckAsync(page, "verlengingen");
    }

    [Fact]
    public async Task Uitgaven_has_a_row_per_contract_and_municipality_with_spending_and_the_exhausted_ones_on_top()
    {
        var matched = Spending.Lines.Where(l => l.ContractNumber is not null).ToList();
        var rows = matched.Select(l => (l.ContractNumber, l.Line.MunicipalityCode)).Distinct().Count();
        var page = await SignedInPageAsync(Role.Financien);

        await page.GotoAsync("/uitgaven?sort=uitputting&desc=true");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{rows} rijen met uitgaven");
        await Assertions.Expect(page.Locator("#reconciliation tbody tr")).ToHaveCountAsync(Math.Min(rows, 50));
        await Assertions.Expect(page.Locator("#reconciliation tbody svg.exhaustion-bar")).ToHaveCountAsync(Math.Min(rows, 50));
        await Assertions.Expect(page.GetByTestId("total-spent")).ToHaveTextAsync(FinancePagesTests.FormatEuros(matched.Sum(l => l.Line.SignedAmountCents)));
        // Sorted by exhaustion: the contract over its budget leads, the one near it follows among the first.
        await Assertions.Expect(page.Locator("#reconciliation tbody tr").First).ToContainTextAsync(Spending.ExceededContract!);
        await Assertions.Expect(page.Locator("#reconciliation tbody tr").First.Locator(".exhaustion-bar .bar.exceeded")).ToHaveCountAsync(1);
        await PageChecks.CheckAsync(page, "uitgaven");

        await page.GotoAsync("/uitgaven?bijnaop=true");
        await Assertions.Expect(page.Locator("#reconciliation tbody tr").Filter(new() { HasText = Spending.NearlyExhaustedContract! })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Financiens_start_page_leads_with_the_budget_the_demo_exceeds()
    {
        var page = await SignedInPageAsync(Role.Financien);

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("#budgets-heading")).ToHaveTextAsync($"Budgetten {DemoBrowserApp.Today.Year}, meest uitgeput eerst");
        await Assertions.Expect(page.Locator("#budgets tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#budgets tbody tr").First).ToContainTextAsync(Spending.ExceededContract!);
        await Assertions.Expect(page.Locator("#budgets tbody tr").First).ToContainTextAsync("overschreden");
        await PageChecks.CheckAsync(page, "mijn-werk-financien");
    }

    [Fact]
    public async Task The_exceptions_and_the_rechtmatigheid_show_every_kind_the_demo_declares()
    {
        var exceptions = Spending.Lines.Where(l => l.Exception is not null).ToList();
        var page = await SignedInPageAsync(Role.Financien);

        await page.GotoAsync($"/uitgaven/uitzonderingen?jaar={Spending.Year}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{exceptions.Count} uitzonderingen");
        await Assertions.Expect(page.Locator("#exception-lines tbody tr")).ToHaveCountAsync(Math.Min(exceptions.Count, 50));
        await PageChecks.CheckAsync(page, "uitzonderingen");

        await page.GotoAsync($"/rechtmatigheid?jaar={Spending.Year}");
        foreach (var law in exceptions.Select(l => l.Line.Law).Distinct())
        {
            await Assertions.Expect(page.Locator($"#law-{law}")).ToHaveCountAsync(1);
        }
        await PageChecks.CheckAsync(page, "rechtmatigheid");
    }

    [Fact]
    public async Task The_provider_page_charts_its_ratios_and_a_bar_per_budget_of_the_year()
    {
        var exceeded = Register.Contracts.Single(c => c.Contract.ContractNumber == Spending.ExceededContract);
        var budgets = Register.Contracts.Where(c => c.ProviderAgbCode == exceeded.ProviderAgbCode)
            .Sum(c => c.Budgets.Count(b => b.Year == Spending.Year));
        var reader = await browser.App.CreateClientAsAsync(Role.Lezer);
        using var contract = await reader.GetJsonAsync($"/api/v1/contracts/{await ContractIdAsync(exceeded.Contract.ContractNumber)}");
        var providerId = contract.RootElement.GetProperty("providerId").GetInt64();
        var page = await SignedInPageAsync(Role.Lezer);

        await page.GotoAsync($"/zorgaanbieders/{providerId}");

        await Assertions.Expect(page.Locator("#spending-chart svg rect.bar")).ToHaveCountAsync(budgets);
        // "OZJT-2024-0001 Hof van Twente" is wider than a bar's slot: the municipality goes on a second line, so labels do not overlap.
        await Assertions.Expect(page.Locator("#spending-chart svg text tspan")).ToHaveCountAsync(budgets);
        await Assertions.Expect(page.Locator("#ratio-0 svg rect.bar")).ToHaveCountAsync(Register.Statements.Count(s => s.ProviderAgbCode == exceeded.ProviderAgbCode));
        await PageChecks.CheckAsync(page, "zorgaanbieder");
    }

    [Fact]
    public async Task The_contract_over_its_budget_shows_what_it_spent_per_month()
    {
        var spent = Spending.Lines.Where(l => l.ContractNumber == Spending.ExceededContract).Sum(l => l.Line.SignedAmountCents);
        var page = await SignedInPageAsync(Role.Financien);

        await page.GotoAsync($"/contracten/{await ContractIdAsync(Spending.ExceededContract!)}");

        await Assertions.Expect(page.Locator("#budget-exhaustion").GetByTestId("spent")).ToHaveTextAsync(FinancePagesTests.FormatEuros(spent));
        await Assertions.Expect(page.Locator("#spending-per-month svg polyline")).ToHaveCountAsync(2);
        // A regional contract that spent in one of its municipalities: its total is within budget, so the table per municipality
        // says where the budget signal's cause is, first.
        var contract = Register.Contracts.Single(c => c.Contract.ContractNumber == Spending.ExceededContract).Contract;
        Assert.True(contract.Municipalities.Count > 1, $"{contract.ContractNumber} has one municipality");
        var exceededIn = Spending.Lines.Where(l => l.ContractNumber == Spending.ExceededContract).Select(l => l.Line.MunicipalityCode).Distinct().Single();
        var first = page.Locator("#budget-per-municipality tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync(Municipalities.Name(exceededIn));
        await Assertions.Expect(first).ToContainTextAsync("overschreden");
        await PageChecks.CheckAsync(page, "contract-demo");
    }
}
