using System.Net;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.Playwright;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>
/// The calendar feed (issue 16): made on the settings page, fetched by a calendar client without any cookie, parsed back
/// with Ical.Net; renewing it ends the old link. The clock stands at 1 March 2026.
/// </summary>
public sealed class CalendarTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string Manager = ContractRegieApp.UserNameFor(Role.Contractmanager);

    private async Task<long> ContractAsync(string end, int options, string contractManager, string inkoper)
    {
        var client = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await client.CreateProviderAsync());
        body["initialEndDate"] = end;
        body["extensionOptions"] = Enumerable.Repeat(new { durationMonths = 12 }, options).ToArray();
        body["contractManager"] = contractManager;
        body["tactischInkoper"] = inkoper;
        return await client.CreateAsync("/api/v1/contracts", body);
    }

    private static async Task<List<CalendarEvent>> EventsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.OrderBy(e => e.DtStart!.Value).ToList();
    }

    [Fact]
    public async Task The_feed_holds_the_deadlines_the_user_acts_on_without_a_cookie_and_a_renewed_link_ends_the_old_one()
    {
        // Mine as contractmanager: decide 6 months before 31-12-2026, by 30-06-2026. Its procurement start is the inkoper's.
        var mine = await ContractAsync("2026-12-31", options: 2, contractManager: Manager, inkoper: "iemand-anders");
        // Mine as tactisch inkoper: no options, so procurement must start 6 months before 30-06-2027, by 31-12-2026.
        var bought = await ContractAsync("2027-06-30", options: 0, contractManager: "j.jansen", inkoper: Manager);
        await ContractAsync("2026-10-31", options: 1, contractManager: "j.jansen", inkoper: "iemand-anders");

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, Manager, ContractRegieApp.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Agenda", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Agenda-link maken" }).ClickAsync();
        var first = await page.GetByLabel("Agenda-link").InputValueAsync();
        await PageChecks.CheckAsync(page, "instellingen-agenda");

        using var calendarClient = new HttpClient();
        var events = await EventsAsync(await calendarClient.GetAsync(first));
        Assert.Equal([$"contract-{mine}-decision@contractregie", $"contract-{bought}-procurement@contractregie"], events.Select(e => e.Uid));
        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2026, 12, 31)], events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)));
        Assert.All(events, e => Assert.False(e.DtStart!.HasTime));
        Assert.All(events, e => Assert.Equal(TimeSpan.FromDays(-7), e.Alarms.Single().Trigger!.Duration!.Value.ToTimeSpanUnspecified()));

        // A decision moves the deadline; the same UID makes the calendar move the event instead of adding one.
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        (await manager.PostJsonAsync($"/api/v1/contracts/{mine}/renewal-decisions", new { decision = "Verlengen", reason = "Goed." })).EnsureSuccessStatusCode();
        var moved = (await EventsAsync(await calendarClient.GetAsync(first))).Single(e => e.Uid == $"contract-{mine}-decision@contractregie");
        Assert.Equal(new DateOnly(2027, 6, 30), DateOnly.FromDateTime(moved.DtStart!.Value));

        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe agenda-link maken" }).ClickAsync();
        var second = await page.GetByLabel("Agenda-link").InputValueAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarClient.GetAsync(first)).StatusCode);
        Assert.Equal(2, (await EventsAsync(await calendarClient.GetAsync(second))).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarClient.GetAsync(second.Replace("/agenda/", "/agenda/x", StringComparison.Ordinal))).StatusCode);

        // Both renewals audited under the user, without the token.
        var auditor = await browser.App.CreateClientAsAsync(Role.Lezer);
        using var audit = await auditor.GetJsonAsync("/api/v1/audit-entries?entity=calendar_feed");
        var entries = audit.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(Manager, e.GetProperty("actor").GetString()));
        var token = second[(second.LastIndexOf('/') + 1)..^".ics".Length];
        Assert.DoesNotContain(token, audit.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contracts_deadlines_download_from_its_page_with_the_feeds_uids()
    {
        var id = await ContractAsync("2026-12-31", options: 2, contractManager: "j.jansen", inkoper: "iemand-anders");
        var reader = await browser.App.CreateClientAsAsync(Role.Lezer);

        // Decide by 30-06-2026; with both options the contract can run to 31-12-2028, so procurement starts by 30-06-2028.
        var events = await EventsAsync(await reader.GetAsync($"/contracten/{id}/termijnen.ics"));
        Assert.Equal([$"contract-{id}-decision@contractregie", $"contract-{id}-procurement@contractregie"], events.Select(e => e.Uid));
        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2028, 6, 30)], events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/contracten/999999/termijnen.ics")).StatusCode);

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Lezer), ContractRegieApp.Password);
        await page.GotoAsync($"/contracten/{id}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Termijnen als agendabestand (.ics)" }).ClickAsync());
        Assert.EndsWith("-termijnen.ics", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
