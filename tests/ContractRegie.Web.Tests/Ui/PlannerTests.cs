using System.Globalization;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>
/// The renewal planner in a real browser (issue 16). The clock stands at 1 March 2026, so the timeline runs from
/// 01-03-2026 to 01-03-2028: 731 days (2028 is a leap year) over 640 SVG units starting at x = 150.
/// </summary>
public sealed class PlannerTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const double Left = 150, Width = 640, Days = 731;

    private static double X(int daysFromToday) => Math.Round(Left + Width * daysFromToday / Days, 1);

    private async Task<long> ContractAsync(string number, string inkoper, string end, int noticeAndLeadMonths, int options)
    {
        var client = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await client.CreateProviderAsync(), number);
        body["initialEndDate"] = end;
        body["noticePeriodMonths"] = noticeAndLeadMonths;
        body["procurementLeadTimeMonths"] = noticeAndLeadMonths;
        body["extensionOptions"] = Enumerable.Repeat(new { durationMonths = 12 }, options).ToArray();
        body["tactischInkoper"] = inkoper;
        return await client.CreateAsync("/api/v1/contracts", body);
    }

    private static async Task<double> AttributeAsync(ILocator element, string name) =>
        double.Parse((await element.GetAttributeAsync(name))!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_inkoper_sees_her_contracts_most_urgent_first_at_their_dates_on_the_timeline_and_extends_one_there()
    {
        var inkoper = "planner-" + NextDigits(5);
        var suffix = NextDigits(5);
        // A: ends 15-03-2027 (379 days ahead), decide 6 months before: 15-09-2026 (198 days); procurement after the window.
        var (a, b, c) = ($"A-{suffix}", $"B-{suffix}", $"C-{suffix}");
        await ContractAsync(a, inkoper, "2027-03-15", 6, options: 2);
        // B: ends 30-09-2026, decide 3 months before: 30-06-2026, the most urgent.
        await ContractAsync(b, inkoper, "2026-09-30", 3, options: 1);
        // C: no options, ends 30-06-2027; procurement must start 6 months before: 31-12-2026 (305 days ahead).
        await ContractAsync(c, inkoper, "2027-06-30", 6, options: 0);
        await ContractAsync($"D-{suffix}", "someone-else", "2026-06-30", 3, options: 1);

        await browser.App.CreateClientAsAsync(Role.Inkoper);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Inkoper), ContractRegieApp.Password);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Verlengingen" }).ClickAsync();
        await page.GetByLabel("Tactisch inkoper").FillAsync(inkoper);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();

        var rows = page.Locator("#planner tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        Assert.Equal([b, a, c], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.contract)"));
        var lanes = page.Locator("#timeline svg g.lane");
        Assert.Equal([b, a, c], await lanes.EvaluateAllAsync<string[]>("lanes => lanes.map(l => l.dataset.lane)"));

        var laneA = page.Locator($"#timeline g.lane[data-lane='{a}']");
        var term = laneA.Locator("rect.term");
        Assert.Equal(X(0), await AttributeAsync(term, "x"));
        Assert.Equal(X(379), Math.Round(await AttributeAsync(term, "x") + await AttributeAsync(term, "width"), 1), 1);
        Assert.Equal(X(198), await AttributeAsync(laneA.Locator("circle.decision"), "cx"));
        await Assertions.Expect(laneA.Locator(".procurement")).ToHaveCountAsync(0);
        Assert.Equal(X(305), await AttributeAsync(page.Locator($"#timeline g.lane[data-lane='{c}'] rect.procurement"), "data-x"));
        await Assertions.Expect(page.Locator($"#timeline g.lane[data-lane='{c}'] circle.decision")).ToHaveCountAsync(0);
        // The numbers again for screen readers, from the same key dates.
        await Assertions.Expect(page.Locator("#timeline table tbody tr").Filter(new() { HasText = a }))
            .ToContainTextAsync("15-03-2027");
        await PageChecks.CheckAsync(page, "verlengingen-filter");

        await rows.Filter(new() { HasText = a }).GetByRole(AriaRole.Link, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await page.GetByLabel("Verlengen").CheckAsync();
        await page.GetByLabel("Motivering").FillAsync("Verlengen, de nieuwe aanbesteding loopt nog.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();

        // The first option: ends 15-03-2028, past the window's end, so the bar runs to the edge; decide by 15-09-2027 (563 days).
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Besluit vastgelegd: Verlengen." })).ToBeVisibleAsync();
        Assert.Contains("tactischInkoper=" + inkoper, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#decide")).ToHaveCountAsync(0);
        Assert.Equal(X(563), await AttributeAsync(laneA.Locator("circle.decision"), "cx"));
        Assert.Equal(Left + Width, Math.Round(await AttributeAsync(term, "x") + await AttributeAsync(term, "width"), 1));
        Assert.Equal([b, c, a], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.contract)"));
    }

    [Fact]
    public async Task A_refused_decision_keeps_the_form_open_with_its_message_and_the_lezer_gets_no_form()
    {
        var inkoper = "planner-" + NextDigits(5);
        var number = "E-" + NextDigits(5);
        await ContractAsync(number, inkoper, "2027-03-15", 6, options: 1);
        await browser.App.CreateClientAsAsync(Role.Inkoper);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Inkoper), ContractRegieApp.Password);
        await page.GotoAsync($"/verlengingen?tactischInkoper={inkoper}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Besluit vastleggen voor {number}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Motivering")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#decision-error")).ToHaveTextAsync("Kies een besluit.");
        await Assertions.Expect(page.Locator("#planner tbody tr").Filter(new() { HasText = number })).ToContainTextAsync("15-03-2027");

        // Decided by nobody before 31-01-2026 (3 months before 30-04-2026): passed, so it heads the list and sits at the left edge.
        var late = "L-" + NextDigits(5);
        await ContractAsync(late, inkoper, "2026-04-30", 3, options: 1);
        await page.GotoAsync($"/verlengingen?tactischInkoper={inkoper}");
        await Assertions.Expect(page.Locator("#planner tbody tr").First).ToContainTextAsync(late);
        var passed = page.Locator($"#timeline g.lane[data-lane='{late}'] circle.decision");
        Assert.Equal(X(0), await AttributeAsync(passed, "cx"));
        await Assertions.Expect(passed).ToHaveClassAsync("decision passed");
        await Assertions.Expect(passed.Locator("title")).ToHaveTextAsync("Uiterste besluitdatum 31-01-2026 (verstreken)");

        await browser.App.CreateClientAsAsync(Role.Lezer);
        var reader = await browser.NewPageAsync();
        await browser.SignInAsync(reader, ContractRegieApp.UserNameFor(Role.Lezer), ContractRegieApp.Password);
        await reader.GotoAsync($"/verlengingen?tactischInkoper={inkoper}&decide=1");
        await Assertions.Expect(reader.Locator("#planner tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(reader.Locator("#decide")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Verlengingen" })).ToHaveCountAsync(0);
    }
}
