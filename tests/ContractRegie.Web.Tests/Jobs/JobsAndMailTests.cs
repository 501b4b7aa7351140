using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>
/// The contract-expiry, dispatch and digest jobs started through the API, with e-mail to a real SMTP server.
/// The clock starts at 1 March 2026; the test contract's decision is due 30 June 2026 (6-month horizon open).
/// </summary>
public sealed class JobsAndMailTests : IDisposable
{
    private readonly TestSmtpServer _smtp = new();
    private readonly ContractRegieApp _app;

    public JobsAndMailTests()
    {
        var settings = _smtp.MailSettings();
        // These tests are about the jobs and the outbox: every signal is mailed at once (MailPolicyTests cover the digests).
        settings["Mail:ImmediateFrom"] = "Info";
        _app = new ContractRegieApp { Settings = settings };
    }

    private async Task<(long ContractId, string Manager)> ContractWithManagerAsync()
    {
        var manager = await _app.CreateManagerAsync();
        var writer = await _app.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await writer.CreateProviderAsync());
        body["contractManager"] = manager;
        return (await writer.CreateAsync("/api/v1/contracts", body), manager);
    }

    private Task<JsonElement> RunAsync(string job) => _app.RunJobAsync(job);

    private async Task<int> CountAsync(string url) => await (await _app.CreateClientAsAsync(Role.Beheerder)).CountAsync(url);

    private async Task<JsonDocument> GetAsync(string url) => await (await _app.CreateClientAsAsync(Role.Beheerder)).GetJsonAsync(url);

    [Fact]
    public async Task A_due_decision_becomes_one_signal_and_exactly_one_e_mail_to_its_contractmanager()
    {
        _smtp.Start();
        var (contractId, manager) = await ContractWithManagerAsync();

        await RunAsync("contract-expiry");
        await RunAsync("contract-expiry");
        await RunAsync("notification-dispatch");
        await RunAsync("notification-dispatch");

        Assert.Equal(1, await CountAsync($"/api/v1/signals?subjectType=contract&subjectId={contractId}&kind=DecisionDue"));
        var mail = Assert.Single(_smtp.Messages(), m => m.To.Mailboxes.Single().Address == $"{manager}@almelo.example");
        Assert.StartsWith("[ContractRegie] Ter info: Besluit over verlenging van", mail.Subject);
        Assert.Contains("uiterlijk 30-06-2026", mail.Subject);
        Assert.Contains($"https://contractregie.almelo.example/contracten/{contractId}", mail.TextBody);
        Assert.Contains($"href=\"https://contractregie.almelo.example/contracten/{contractId}\"", mail.HtmlBody);
    }

    [Fact]
    public async Task Crossing_the_next_horizon_updates_the_signal_and_sends_a_second_mail()
    {
        _smtp.Start();
        var (contractId, _) = await ContractWithManagerAsync();
        await RunAsync("contract-expiry");

        _app.Clock.Now = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
        await RunAsync("contract-expiry");
        await RunAsync("notification-dispatch");

        using var signals = await GetAsync($"/api/v1/signals?subjectType=contract&subjectId={contractId}&kind=DecisionDue");
        var signal = Assert.Single(signals.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal((3, "Warning"), (signal.GetProperty("stage").GetInt32(), signal.GetProperty("severity").GetString()));
        Assert.Equal(["Let op", "Ter info"], _smtp.Messages().Select(m => m.Subject!.Split(':')[0].Replace("[ContractRegie] ", "", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task While_smtp_is_down_mail_stays_queued_and_is_delivered_once_it_is_back()
    {
        var (_, manager) = await ContractWithManagerAsync();
        await RunAsync("contract-expiry");

        await RunAsync("notification-dispatch");
        using (var queued = await GetAsync("/api/v1/notifications?state=Queued"))
        {
            var notification = Assert.Single(queued.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(1, notification.GetProperty("attempts").GetInt32());
            // First retry one minute after the failure.
            Assert.Equal(ContractRegieApp.DefaultNow.AddMinutes(1), notification.GetProperty("nextAttemptAt").GetDateTimeOffset());
            Assert.False(string.IsNullOrEmpty(notification.GetProperty("lastError").GetString()));
        }

        _smtp.Start();
        await RunAsync("notification-dispatch"); // too early: the backoff has not passed
        Assert.Empty(_smtp.Messages());
        _app.Clock.Now = ContractRegieApp.DefaultNow.AddMinutes(2);
        await RunAsync("notification-dispatch");
        await RunAsync("notification-dispatch");

        Assert.Single(_smtp.Messages(), m => m.To.Mailboxes.Single().Address == $"{manager}@almelo.example");
        Assert.Equal(1, await CountAsync("/api/v1/notifications?state=Sent"));
    }

    [Fact]
    public async Task Smtp_down_past_the_retry_horizon_fails_the_mail_signals_the_beheerder_and_a_requeued_mail_is_sent_once()
    {
        var beheerder = await _app.CreateUserAsync(Role.Beheerder, "bh-" + NextDigits(5));
        var (_, manager) = await ContractWithManagerAsync();
        await RunAsync("contract-expiry");

        // An outage of 47 hours: tried again and again, never given up.
        foreach (var hours in new[] { 0, 1, 10, 47 })
        {
            _app.Clock.Now = ContractRegieApp.DefaultNow.AddHours(hours);
            await RunAsync("notification-dispatch");
        }
        Assert.Equal((1, 0), (await CountAsync("/api/v1/notifications?state=Queued"), await CountAsync("/api/v1/notifications?state=Failed")));

        // The default horizon: 48 hours after queueing the mail is given up.
        _app.Clock.Now = ContractRegieApp.DefaultNow.AddHours(48);
        await RunAsync("notification-dispatch");
        long failedId;
        using (var failed = await GetAsync("/api/v1/notifications?state=Failed"))
        {
            var notification = Assert.Single(failed.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal($"{manager}@almelo.example", notification.GetProperty("recipient").GetString());
            Assert.False(string.IsNullOrEmpty(notification.GetProperty("lastError").GetString()));
            failedId = notification.GetProperty("id").GetInt64();
        }
        var signalUrl = $"/api/v1/signals?kind=MailUndeliverable&subjectType=notification&subjectId={failedId}";
        using (var signals = await GetAsync(signalUrl))
        {
            Assert.Equal("Open", Assert.Single(signals.RootElement.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        }

        _smtp.Start();
        await RunAsync("notification-dispatch");
        var warning = Assert.Single(_smtp.Messages());
        Assert.Equal($"{beheerder}@almelo.example", warning.To.Mailboxes.Single().Address);
        Assert.Contains($"E-mail {failedId} kon niet worden verzonden", warning.TextBody);

        // Requeued while SMTP is down again: the horizon starts afresh, so an hour later the mail is still queued.
        _smtp.Stop();
        var admin = await _app.CreateClientAsAsync(Role.Beheerder);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/notifications/{failedId}/requeue", null)).StatusCode);
        await RunAsync("notification-dispatch");
        _app.Clock.Now = ContractRegieApp.DefaultNow.AddHours(49);
        await RunAsync("notification-dispatch");
        Assert.Equal((1, 0), (await CountAsync("/api/v1/notifications?state=Queued"), await CountAsync("/api/v1/notifications?state=Failed")));

        _smtp.Start();
        _app.Clock.Now = ContractRegieApp.DefaultNow.AddHours(50);
        await RunAsync("notification-dispatch");
        await RunAsync("notification-dispatch");

        Assert.Single(_smtp.Messages(), m => m.To.Mailboxes.Single().Address == $"{manager}@almelo.example");
        Assert.Equal(0, await CountAsync("/api/v1/notifications?state=Failed"));
        using var closed = await GetAsync(signalUrl);
        Assert.Equal("Resolved", Assert.Single(closed.RootElement.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_contract_past_its_end_without_decision_reads_expired_before_the_job_and_is_signalled_once()
    {
        var (contractId, _) = await ContractWithManagerAsync();
        _app.Clock.Now = new DateTimeOffset(2027, 1, 5, 8, 0, 0, TimeSpan.Zero);

        using (var before = await GetAsync($"/api/v1/contracts/{contractId}"))
        {
            Assert.Equal("Verlopen", before.RootElement.GetProperty("status").GetString());
        }
        await RunAsync("contract-expiry");
        await RunAsync("contract-expiry");

        using var contract = await GetAsync($"/api/v1/contracts/{contractId}");
        Assert.Equal("Verlopen", contract.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, await CountAsync($"/api/v1/signals?subjectId={contractId}&subjectType=contract&kind=ContractExpiredWithoutDecision"));
    }

    [Fact]
    public async Task A_signal_can_be_acknowledged_and_resolved_with_a_note()
    {
        var (contractId, _) = await ContractWithManagerAsync();
        await RunAsync("contract-expiry");
        var manager = await _app.CreateClientAsAsync(Role.Contractmanager);
        using var list = await manager.GetJsonAsync($"/api/v1/signals?subjectType=contract&subjectId={contractId}");
        var id = list.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/signals/{id}/acknowledgement", null)).StatusCode);
        await (await manager.PostJsonAsync($"/api/v1/signals/{id}/resolution", new { note = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/signals/{id}/resolution", new { note = "Besproken met inkoop." })).StatusCode);

        using var signal = await manager.GetJsonAsync($"/api/v1/signals/{id}");
        Assert.Equal(("Resolved", "Besproken met inkoop."), (signal.RootElement.GetProperty("status").GetString(), signal.RootElement.GetProperty("resolutionNote").GetString()));
        await (await manager.PostAsync($"/api/v1/signals/{id}/acknowledgement", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unknown_job_is_not_found()
    {
        var admin = await _app.CreateClientAsAsync(Role.Beheerder);

        await (await admin.PostAsync("/api/v1/jobs/onbekend/runs", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        using var jobs = await GetAsync("/api/v1/jobs");
        Assert.Equal(["contract-expiry", "digest", "financial-stability", "notification-dispatch", "outcome-monitoring", "spending-reconciliation"], jobs.RootElement.EnumerateArray().Select(j => j.GetProperty("name").GetString()));
    }

    public void Dispose()
    {
        _app.Dispose();
        _smtp.Dispose();
    }
}

/// <summary>Without SMTP settings the dispatcher writes .eml files, so the embedded default shows its mail.</summary>
public sealed class PickupDirectoryTests : IDisposable
{
    private readonly string _pickup = Directory.CreateTempSubdirectory("contractregie-pickup-").FullName;
    private readonly ContractRegieApp _app;

    public PickupDirectoryTests() =>
        _app = new ContractRegieApp
        {
            Settings = new Dictionary<string, string>
            {
                ["Mail:PickupDirectory"] = _pickup, ["Mail:FallbackRecipient"] = "contractbeheer@almelo.example", ["Mail:ImmediateFrom"] = "Info",
            },
        };

    [Fact]
    public async Task Mail_without_smtp_settings_becomes_a_readable_eml_file()
    {
        var admin = await _app.CreateClientAsAsync(Role.Beheerder);
        var writer = await _app.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await writer.CreateProviderAsync());
        body["contractManager"] = "onbekende-gebruiker";
        await writer.CreateAsync("/api/v1/contracts", body);
        // A second contract for a contractmanager whose name is not plain ASCII.
        await admin.CreateAsync("/api/v1/users", new
        {
            userName = "n.oezdemir", displayName = "Nüriye Özdemir", email = "n.oezdemir@almelo.example", roles = new[] { "Contractmanager" },
            password = ContractRegieApp.Password,
        });
        body = ContractBody(await writer.CreateProviderAsync());
        body["contractManager"] = "n.oezdemir";
        await writer.CreateAsync("/api/v1/contracts", body);

        (await admin.PostAsync("/api/v1/jobs/contract-expiry/runs", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/jobs/notification-dispatch/runs", null)).EnsureSuccessStatusCode();

        var files = Directory.GetFiles(_pickup, "*.eml");
        Assert.Equal(2, files.Length);
        var messages = files.ToDictionary(f => f, f => MimeKit.MimeMessage.Load(f));
        // The contractmanager has no account, so the configured fallback receives it.
        var fallback = Assert.Single(messages.Values, m => m.To.Mailboxes.Single().Address == "contractbeheer@almelo.example");
        Assert.Contains("Besluit over verlenging", fallback.Subject);
        // Text that is not ASCII in 7-bit transfer encodings, as a mail reader (and a strict parser) expects of a file
        // that no SMTP hop has prepared.
        var (file, named) = Assert.Single(messages, m => m.Value.To.Mailboxes.Single().Address == "n.oezdemir@almelo.example");
        Assert.StartsWith("Beste Nüriye Özdemir,", named.TextBody);
        Assert.All(await File.ReadAllBytesAsync(file), b => Assert.True(b < 0x80, $"byte {b:X2} in the .eml file"));
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_pickup, recursive: true);
    }
}
