using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;
using ContractRegie.Web.Tests.Infrastructure;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>
/// What a beheerder sees on the embedded default with the demo register: every job started through the API finds
/// something, its signals and notifications are listed, mail lands in the pickup folder, and a second round doubles nothing.
/// </summary>
public sealed class DemoDataJobsTests : IDisposable
{
    private static readonly string[] MonitoringJobs = ["contract-expiry", "outcome-monitoring", "financial-stability"];

    private readonly string _pickup = Directory.CreateTempSubdirectory("contractregie-demo-mail-").FullName;
    private readonly ContractRegieApp _app;

    public DemoDataJobsTests() => _app = new ContractRegieApp
    {
        Settings = new Dictionary<string, string>
        {
            ["DemoData:SeedWhenEmpty"] = "true",
            ["Mail:PickupDirectory"] = _pickup,
            ["Mail:FallbackRecipient"] = "contractbeheer@almelo.example",
        },
    };

    [Fact]
    public async Task Each_job_finds_its_signals_in_the_demo_register_and_a_second_round_doubles_nothing()
    {
        var admin = await _app.CreateClientAsAsync(Role.Beheerder);
        foreach (var job in MonitoringJobs)
        {
            await _app.RunJobAsync(job);
        }
        var signals = await SignalCountsAsync();
        var notifications = await admin.CountAsync("/api/v1/notifications");

        foreach (var job in MonitoringJobs)
        {
            await _app.RunJobAsync(job);
        }
        // The dispatcher sends a batch per run; the scheduler would run it every minute.
        for (var run = 0; run < 50 && await admin.CountAsync("/api/v1/notifications?state=Queued") > 0; run++)
        {
            await _app.RunJobAsync("notification-dispatch");
        }

        foreach (var kind in new[]
                 {
                     SignalKind.DecisionDue, SignalKind.ProcurementMustStart, SignalKind.ContractExpiredWithoutDecision, SignalKind.OutcomeBelowNorm,
                     SignalKind.OutcomeReportMissing, SignalKind.FinancialRisk, SignalKind.FinancialStatementMissing,
                 })
        {
            Assert.True(signals.GetValueOrDefault(kind) > 0, $"no {kind} signal in the demo register");
        }
        Assert.Equal(signals, await SignalCountsAsync());
        Assert.True(notifications > 0);
        Assert.Equal(notifications, await admin.CountAsync("/api/v1/notifications"));
        Assert.Equal(notifications, await admin.CountAsync("/api/v1/notifications?state=Sent"));
        Assert.Equal(notifications, Directory.GetFiles(_pickup, "*.eml").Length);
        using var jobs = await admin.GetJsonAsync("/api/v1/jobs");
        var summary = jobs.RootElement.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "financial-stability")
            .GetProperty("lastRun").GetProperty("summary").GetString();
        Assert.Contains("0 stijgingen gesignaleerd", summary);
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
        Directory.Delete(_pickup, recursive: true);
    }
}
