using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Users;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>
/// What people get from the demo register at a real SMTP server (issue 11): every job started once through the API in
/// the order of the default schedule finds its signals, nobody gets more than three mails, every tactisch inkoper gets
/// the procurement deadlines of their contracts, every link opens for its reader, an SMTP outage loses and doubles
/// nothing, and a second round sends nothing.
/// </summary>
public sealed class DemoDataJobsTests : IDisposable
{
    // Spending at 02:00, the checks from 06:00, the digest at 07:00.
    private static readonly string[] EveryJob = ["spending-reconciliation", "contract-expiry", "outcome-monitoring", "financial-stability", "digest"];
    private static readonly Regex Links = new("href=\"https://contractregie\\.almelo\\.example(/[^\"]*)\"");

    private readonly TestSmtpServer _smtp = new();
    private readonly ContractRegieApp _app;

    public DemoDataJobsTests()
    {
        var settings = _smtp.MailSettings();
        settings["DemoData:SeedWhenEmpty"] = "true";
        settings["Mail:FallbackRecipient"] = "contractbeheer@almelo.example";
        _app = new ContractRegieApp { Settings = settings };
    }

    [Fact]
    public async Task The_first_run_of_every_job_mails_nobody_more_than_three_times_and_a_second_round_sends_nothing()
    {
        var admin = await _app.CreateClientAsAsync(Role.Beheerder);
        await RunEveryJobAsync();
        var signals = await SignalCountsAsync();
        var notifications = await admin.CountAsync("/api/v1/notifications");

        // SMTP is down for the first dispatch: every mail waits for its retry.
        await _app.RunJobAsync("notification-dispatch");
        Assert.Equal(notifications, await admin.CountAsync("/api/v1/notifications?state=Queued"));
        _smtp.Start();
        _app.Clock.Now = ContractRegieApp.DefaultNow.AddMinutes(2);
        await DispatchAllAsync(admin);

        var mails = _smtp.Messages();
        foreach (var kind in new[]
                 {
                     SignalKind.DecisionDue, SignalKind.ProcurementMustStart, SignalKind.ContractExpiredWithoutDecision, SignalKind.OutcomeBelowNorm,
                     SignalKind.OutcomeReportMissing, SignalKind.FinancialRisk, SignalKind.FinancialStatementMissing,
                 })
        {
            Assert.True(signals.GetValueOrDefault(kind) > 0, $"no {kind} signal in the demo register");
        }
        Assert.True(notifications > 0);
        Assert.Equal(notifications, mails.Count);
        Assert.Equal(notifications, mails.Select(m => m.MessageId).Distinct().Count());
        var perRecipient = mails.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(perRecipient, pair => Assert.True(pair.Value.Count <= 3, $"{pair.Key} got {pair.Value.Count} mails"));
        Assert.All(DemoUsers.People.Where(p => p.Role is Role.Contractmanager or Role.Inkoper),
            person => Assert.True(perRecipient.ContainsKey(person.Email), $"no mail for {person.UserName}"));
        // The first run over a new register is one overview per person, not a mail per signal.
        Assert.All(DemoUsers.People.Where(p => p.Role is Role.Contractmanager or Role.Inkoper),
            person => Assert.Single(perRecipient[person.Email], m => m.Subject!.StartsWith("[ContractRegie] Overzicht 01-03-2026: ", StringComparison.Ordinal)));

        await AssertEveryInkoperGetsTheirProcurementDeadlinesAsync(perRecipient);
        await AssertEveryLinkOpensForItsReaderAsync(perRecipient);

        await RunEveryJobAsync();
        await DispatchAllAsync(admin);

        Assert.Equal(signals, await SignalCountsAsync());
        Assert.Equal(notifications, await admin.CountAsync("/api/v1/notifications"));
        Assert.Equal(mails.Count, _smtp.Messages().Count);
        using var jobs = await admin.GetJsonAsync("/api/v1/jobs");
        var summary = jobs.RootElement.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "financial-stability")
            .GetProperty("lastRun").GetProperty("summary").GetString();
        Assert.Contains("0 stijgingen gesignaleerd", summary);
    }

    private async Task RunEveryJobAsync()
    {
        foreach (var job in EveryJob)
        {
            await _app.RunJobAsync(job);
        }
    }

    /// <summary>The dispatcher sends a batch per run; the scheduler would run it every minute.</summary>
    private async Task DispatchAllAsync(HttpClient admin)
    {
        for (var run = 0; run < 20 && await admin.CountAsync("/api/v1/notifications?state=Queued") > 0; run++)
        {
            await _app.RunJobAsync("notification-dispatch");
        }
    }

    /// <summary>Each open procurement signal is named in a mail to its contract's tactisch inkoper, not in copy.</summary>
    private async Task AssertEveryInkoperGetsTheirProcurementDeadlinesAsync(Dictionary<string, List<MimeMessage>> perRecipient)
    {
        var reader = await _app.CreateClientAsAsync(Role.Lezer);
        using var contracts = await reader.GetJsonAsync("/api/v1/contracts?pageSize=500");
        var inkoperOf = contracts.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetInt64(), c => c.GetProperty("tactischInkoper").GetString());
        using var procurement = await reader.GetJsonAsync("/api/v1/signals?kind=ProcurementMustStart&status=Open&pageSize=500");
        var open = procurement.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(open);
        foreach (var signal in open)
        {
            var inkoper = inkoperOf[signal.GetProperty("subjectId").GetInt64()];
            Assert.NotNull(inkoper);
            var title = signal.GetProperty("title").GetString()!;
            // The bullet line ends with the title: without "(ter informatie, in kopie)", so the inkoper is the one to act.
            Assert.Contains(perRecipient[$"{inkoper}@almelo.example"], m => m.TextBody!.Contains($": {title}\n", StringComparison.Ordinal));
        }
    }

    /// <summary>Signs in as each person who got mail and opens every link in it.</summary>
    private async Task AssertEveryLinkOpensForItsReaderAsync(Dictionary<string, List<MimeMessage>> perRecipient)
    {
        var users = _app.Services.GetRequiredService<UserRepository>();
        var accounts = _app.Services.GetRequiredService<UserAccounts>();
        foreach (var person in DemoUsers.People.Where(p => perRecipient.ContainsKey(p.Email)))
        {
            var user = (await users.ReadByUserNameAsync(person.UserName))!;
            await accounts.SetPasswordAsync(user.Id, ContractRegieApp.Password);
            var client = _app.CreateClient();
            (await client.PostJsonAsync("/api/v1/sessions", new { userName = person.UserName, password = ContractRegieApp.Password })).EnsureSuccessStatusCode();
            var paths = perRecipient[person.Email].SelectMany(m => Links.Matches(m.HtmlBody!).Select(l => System.Net.WebUtility.HtmlDecode(l.Groups[1].Value))).ToHashSet();
            Assert.NotEmpty(paths);
            foreach (var path in paths)
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{person.UserName} ({person.Role}) opens {path}: {(int)response.StatusCode}");
            }
        }
    }

    private async Task<Dictionary<SignalKind, int>> SignalCountsAsync()
    {
        var reader = await _app.CreateClientAsAsync(Role.Lezer);
        var counts = new Dictionary<SignalKind, int>();
        foreach (var kind in Enum.GetValues<SignalKind>())
        {
            counts[kind] = await reader.CountAsync($"/api/v1/signals?kind={kind}");
        }
        return counts;
    }

    public void Dispose()
    {
        _app.Dispose();
        _smtp.Dispose();
    }
}
