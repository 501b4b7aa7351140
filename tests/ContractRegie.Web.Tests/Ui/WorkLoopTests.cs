using System.Text.RegularExpressions;
using ContractRegie.Core.Security;
using ContractRegie.Data.Notifications;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>
/// The work loop in a real browser: each role starts on its own work and acts there (issue 10). The clock stands at
/// 1 March 2026; notice period and procurement lead time are equal in these contracts, so the decision deadline is
/// the current end minus that many months either way.
/// </summary>
public sealed class WorkLoopTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string Manager = ContractRegieApp.UserNameFor(Role.Contractmanager);

    /// <summary>A contract of <paramref name="contractManager"/> ending on <paramref name="end"/> with two yearly options.</summary>
    private async Task<(string Number, long Id)> ContractAsync(string contractManager, string end, int noticeMonths)
    {
        var client = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await client.CreateProviderAsync());
        body["initialEndDate"] = end;
        body["noticePeriodMonths"] = noticeMonths;
        body["procurementLeadTimeMonths"] = noticeMonths;
        body["contractManager"] = contractManager;
        return ((string)body["contractNumber"]!, await client.CreateAsync("/api/v1/contracts", body));
    }

    private async Task RunJobAsync(string job)
    {
        var admin = await browser.App.CreateClientAsAsync(Role.Beheerder);
        (await admin.PostAsync($"/api/v1/jobs/{job}/runs", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_contractmanager_starts_on_her_own_signals_most_urgent_first_acknowledges_one_and_extends_a_contract()
    {
        // Decide by 30-06-2026 (four months ahead: Info); 30 April is the last day of its month, so three months before it is
        // 31-01-2026 (passed: Kritiek); the same for a colleague.
        var (calm, calmId) = await ContractAsync(Manager, "2026-12-31", 6);
        var (late, _) = await ContractAsync(Manager, "2026-04-30", 3);
        var (colleagues, _) = await ContractAsync("j.jansen", "2026-04-30", 3);
        await RunJobAsync("contract-expiry");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Manager, ContractRegieApp.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn werk");
        var rows = page.Locator("#my-signals tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync($"Besluit over verlenging van {late} uiterlijk 31-01-2026");
        await Assertions.Expect(rows.First).ToContainTextAsync("Kritiek");
        await Assertions.Expect(rows.Filter(new() { HasText = $"Besluit over verlenging van {calm} uiterlijk 30-06-2026" })).ToContainTextAsync("Info");
        await Assertions.Expect(page.Locator("#my-signals")).Not.ToContainTextAsync(colleagues);
        await Assertions.Expect(page.Locator("#my-contracts tbody tr").First).ToContainTextAsync(late);
        await PageChecks.CheckAsync(page, "mijn-werk-contractmanager");

        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Signalering bevestigd." })).ToBeVisibleAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync(late);
        await Assertions.Expect(rows.First).ToContainTextAsync("Bevestigd");

        await page.GotoAsync($"/contracten/{calmId}");
        await Assertions.Expect(page.GetByTestId("current-end")).ToHaveTextAsync("31-12-2026");
        await Assertions.Expect(page.GetByTestId("decision-deadline")).ToHaveTextAsync("30-06-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        var reason = page.GetByLabel("Motivering");
        await Assertions.Expect(reason).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(reason).ToHaveAccessibleDescriptionAsync("Een motivering is verplicht.");
        await PageChecks.CheckAsync(page, "contract-besluit-fout");

        await page.GetByLabel("Verlengen").CheckAsync();
        await reason.FillAsync("Goede resultaten, wachttijd binnen de norm.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();

        // The first option of 12 months: end 31-12-2027, decide on the next option by 30-06-2027.
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Besluit vastgelegd: Verlengen." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("current-end")).ToHaveTextAsync("31-12-2027");
        await Assertions.Expect(page.GetByTestId("decision-deadline")).ToHaveTextAsync("30-06-2027");
        await Assertions.Expect(page.Locator("#decisions tbody tr")).ToContainTextAsync(Manager);
        // The decision answered the old "besluit nodig": it is closed at once, not at the next morning's run.
        var answered = page.Locator("#signals tbody tr").Filter(new() { HasText = $"Besluit over verlenging van {calm} uiterlijk 30-06-2026" });
        await Assertions.Expect(answered).ToContainTextAsync("Afgehandeld");
        await PageChecks.CheckAsync(page, "contract");
    }

    [Fact]
    public async Task A_signal_is_resolved_on_its_own_page_only_with_a_note_and_the_signal_list_opens_on_mine_open()
    {
        var (number, _) = await ContractAsync(Manager, "2026-05-31", 3);
        var (colleagues, _) = await ContractAsync("j.jansen", "2026-05-31", 3);
        await RunJobAsync("contract-expiry");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Manager, ContractRegieApp.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Signaleringen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#signals")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("#signals")).Not.ToContainTextAsync(colleagues);
        await PageChecks.CheckAsync(page, "signaleringen");

        await page.Locator("#signals tbody tr").Filter(new() { HasText = number }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Afhandelen" }).ClickAsync();
        var note = page.GetByLabel("Toelichting bij afhandelen");
        await Assertions.Expect(note).ToHaveAccessibleDescriptionAsync("Een toelichting is verplicht.");
        await Assertions.Expect(page.GetByTestId("signal-status")).ToHaveTextAsync("Open");
        await note.FillAsync("Besproken met de aanbieder; aanbesteding loopt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afhandelen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signal-status")).ToHaveTextAsync("Afgehandeld");
        await PageChecks.CheckAsync(page, "signalering");

        var admin = await browser.App.CreateClientAsAsync(Role.Beheerder);
        var signalId = new Uri(page.Url).Segments[^1];
        using var audit = await admin.GetJsonAsync($"/api/v1/audit-entries?entity=signal&entityId={signalId}&actor={Manager}");
        Assert.Equal(1, audit.RootElement.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_beheerder_starts_a_job_sees_its_run_and_queues_a_failed_mail_again()
    {
        var outbox = browser.App.Services.GetRequiredService<OutboxRepository>();
        var subject = "Besluit nodig " + NextDigits(6);
        var database = browser.App.Services.GetRequiredService<ContractRegie.Data.Database>();
        await database.InTransactionAsync(tx => outbox.EnqueueAsync(
            new NotificationDraft("cm@almelo.example", subject, "tekst", "<p>tekst</p>", [], "ui-test:" + subject), tx));
        var mail = (await outbox.SearchAsync(NotificationState.Queued, new ContractRegie.Data.PageRequest(1, 500))).Items.Single(n => n.Subject == subject);
        await outbox.MarkFailedAsync(mail.Id, "550 5.1.1 mailbox unavailable");
        await browser.App.CreateClientAsAsync(Role.Beheerder);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Beheerder), ContractRegieApp.Password);

        var job = page.Locator("#jobs tr[data-job='contract-expiry']");
        await job.GetByRole(AriaRole.Button, new() { Name = "Nu uitvoeren: Contracttermijnen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Contracttermijnen: geslaagd." })).ToBeVisibleAsync();
        await Assertions.Expect(job).ToContainTextAsync("Geslaagd");
        await Assertions.Expect(job).ToContainTextAsync("01-03-2026");

        var failed = page.Locator("#failed-mail tbody tr").Filter(new() { HasText = subject });
        await Assertions.Expect(failed).ToContainTextAsync("550 5.1.1 mailbox unavailable");
        await PageChecks.CheckAsync(page, "mijn-werk-beheerder");
        await failed.GetByRole(AriaRole.Button, new() { Name = "Opnieuw versturen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "De e-mail staat weer in de wachtrij." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#failed-mail tbody tr").Filter(new() { HasText = subject })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#queued-mail tbody tr").Filter(new() { HasText = subject })).ToContainTextAsync("0");
        var admin = await browser.App.CreateClientAsAsync(Role.Beheerder);
        Assert.Equal(1, await admin.CountAsync($"/api/v1/audit-entries?entity=notification&entityId={mail.Id}&actor={ContractRegieApp.UserNameFor(Role.Beheerder)}"));
    }

    [Fact]
    public async Task A_missing_page_is_a_page_in_the_layout_with_a_way_back_and_the_api_keeps_problem_json()
    {
        await browser.App.CreateClientAsAsync(Role.Lezer);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Lezer), ContractRegieApp.Password);

        var response = await page.GotoAsync("/contracten/987654321");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pagina niet gevonden");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Naar Mijn werk" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "fout-404");
        Assert.Equal(404, (await page.GotoAsync("/bestaat-niet"))!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pagina niet gevonden");

        var api = await page.APIRequest.GetAsync("/api/v1/contracts/987654321");
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"]);
    }

    [Fact]
    public async Task A_lezer_starts_on_the_register_in_Dutch_and_every_main_page_passes_axe()
    {
        var (number, id) = await ContractAsync("j.jansen", "2026-12-31", 6);
        await browser.App.CreateClientAsAsync(Role.Lezer);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Lezer), ContractRegieApp.Password);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/contracten$"));
        var row = page.Locator("#contracts tbody tr").Filter(new() { HasText = number });
        // Kind Lokaal, law Jeugdwet, route open house, municipalities Almelo and Hof van Twente (see ApiClient.ContractBody).
        await Assertions.Expect(row).ToContainTextAsync("Jeugdwet");
        await PageChecks.CheckAsync(page, "contracten");

        await page.GetByLabel("Soort").SelectOptionAsync("Lokaal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        var header = page.GetByRole(AriaRole.Columnheader, new() { Name = "Uiterste besluitdatum" });
        await header.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Contains("kind=Lokaal", page.Url);
        var ascending = await DecisionDeadlinesAsync(page);
        Assert.Equal(ascending.Order().ToList(), ascending);
        await header.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Equal(ascending.AsEnumerable().Reverse().ToList(), await DecisionDeadlinesAsync(page));

        await page.GotoAsync($"/contracten/{id}");
        await Assertions.Expect(page.Locator("#key-dates")).ToContainTextAsync("Lokaal · Jeugdwet · Open house");
        await Assertions.Expect(page.Locator("#key-dates")).ToContainTextAsync("Almelo, Hof van Twente");
        await Assertions.Expect(page.Locator("#key-dates")).ToContainTextAsync("(2 opties over)");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" })).ToHaveCountAsync(0);

        foreach (var (path, name) in new[] { ("/zorgaanbieders", "zorgaanbieders"), ("/audittrail", "audittrail"), ("/signaleringen?wie=iedereen", "signaleringen-iedereen") })
        {
            await page.GotoAsync(path);
            await PageChecks.CheckAsync(page, name);
        }

        await browser.App.CreateClientAsAsync(Role.Financien);
        var finance = await browser.NewPageAsync();
        await browser.SignInAsync(finance, ContractRegieApp.UserNameFor(Role.Financien), ContractRegieApp.Password);
        await Assertions.Expect(finance.Locator("#budgets")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(finance, "mijn-werk-financien-werklijst");
        await finance.GotoAsync("/uitgaven");
        await PageChecks.CheckAsync(finance, "uitgaven-werklijst");

        await browser.App.CreateClientAsAsync(Role.Inkoper);
        var buyer = await browser.NewPageAsync();
        await browser.SignInAsync(buyer, ContractRegieApp.UserNameFor(Role.Inkoper), ContractRegieApp.Password);
        await Assertions.Expect(buyer.Locator("#deadlines")).ToContainTextAsync("Besluit over verlenging");
        await PageChecks.CheckAsync(buyer, "mijn-werk-inkoper");

        var anonymous = await browser.NewPageAsync();
        await anonymous.GotoAsync("/inloggen");
        await PageChecks.CheckAsync(anonymous, "inloggen");
    }

    /// <summary>The decision deadlines of the register page in the order shown (column 6, dd-MM-yyyy).</summary>
    private static async Task<List<DateOnly>> DecisionDeadlinesAsync(IPage page) =>
        (await page.Locator("#contracts tbody tr td:nth-child(6)").AllInnerTextsAsync())
        .Select(text => DateOnly.ParseExact(text[..10], "dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture))
        .ToList();
}
