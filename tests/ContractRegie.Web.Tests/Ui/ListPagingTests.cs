using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Ui;

/// <summary>
/// Paging on the list pages, with a register of its own: more than a page of contracts would push other tests' rows
/// off the first page of a shared one.
/// </summary>
public sealed class ListPagingTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/contracten", "#contracts")]
    [InlineData("/verlengingen", "#planner")]
    [InlineData("/signaleringen?wie=iedereen&status=alle", "#signals")]
    [InlineData("/audittrail", "#audit")]
    public async Task The_next_page_of_a_list_shows_other_rows(string path, string table)
    {
        // More than a page (50) of contracts, each with its creation in the audit trail and a passed decision deadline signalled.
        var manager = await browser.App.CreateClientAsAsync(Role.Contractmanager);
        var provider = await manager.CreateProviderAsync();
        for (var i = 0; i < 51; i++)
        {
            await manager.CreateAsync("/api/v1/contracts", ContractBody(provider));
        }
        var admin = await browser.App.CreateClientAsAsync(Role.Beheerder);
        (await admin.PostAsync("/api/v1/jobs/contract-expiry/runs", null)).EnsureSuccessStatusCode();
        await browser.App.CreateClientAsAsync(Role.Lezer);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, ContractRegieApp.UserNameFor(Role.Lezer), ContractRegieApp.Password);

        await page.GotoAsync(path);
        var firstOnPageOne = await page.Locator($"{table} tbody tr").First.InnerTextAsync();
        await page.Locator("nav.pager a[rel=next]").ClickAsync();

        await Assertions.Expect(page.Locator("nav.pager")).ToContainTextAsync("Pagina 2 van");
        await Assertions.Expect(page.Locator($"{table} tbody tr").First).Not.ToHaveTextAsync(firstOnPageOne);
    }

    /// <summary>
    /// A page number past what an offset can hold (a hand-edited link) gives the last page an offset can reach, empty,
    /// instead of an offset wrapped around to a negative one (page 1's rows on SQLite, an error on PostgreSQL).
    /// </summary>
    [Theory]
    [InlineData("/contracten", 50)]
    [InlineData("/verlengingen", 25)]
    [InlineData("/signaleringen", 50)]
    [InlineData("/audittrail", 50)]
    [InlineData("/zorgaanbieders", 50)]
    [InlineData("/uitgaven", 50)]
    [InlineData("/uitgaven/uitzonderingen", 50)]
    public async Task A_page_number_beyond_any_offset_gives_the_last_page_an_offset_reaches(string path, int pageSize)
    {
        var lezer = await browser.App.CreateClientAsAsync(Role.Lezer);

        var response = await lezer.GetAsync($"{path}?page=2000000000");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains($"Pagina {int.MaxValue / pageSize}", StringComparison.Ordinal), html[Math.Max(0, html.IndexOf("Pagina", StringComparison.Ordinal) - 300)..]);
    }
}
