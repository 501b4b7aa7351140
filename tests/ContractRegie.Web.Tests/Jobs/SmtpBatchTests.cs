using ContractRegie.Data;
using ContractRegie.Data.Notifications;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>
/// A dispatch batch travels over one SMTP connection to a real server (aiosmtpd), counted by a relay in front of it; a
/// mail the server refuses is retried later and the rest of the batch still goes.
/// </summary>
// IAsyncLifetime, not IAsyncDisposable: xunit 2 disposes a test class only through IDisposable or IAsyncLifetime, and an
// undisposed class left its aiosmtpd running after the suite.
public sealed class SmtpBatchTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly TcpSwitch _relay;
    private readonly ContractRegieApp _app;

    public SmtpBatchTests()
    {
        _relay = new TcpSwitch("127.0.0.1", _smtp.Port);
        var settings = _smtp.MailSettings();
        settings["Mail:Port"] = _relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app = new ContractRegieApp { Settings = settings };
    }

    [Fact]
    public async Task A_batch_of_mails_uses_one_connection_and_every_mail_arrives()
    {
        var subjects = await EnqueueAsync(Enumerable.Range(1, 6).Select(i => $"cm{i}@almelo.example"));

        var run = await _app.RunJobAsync("notification-dispatch");

        Assert.StartsWith("6 verzonden, 0 later opnieuw", run.GetProperty("summary").GetString());
        Assert.Equal(subjects.Order(), _smtp.Messages().Select(m => m.Subject!).Order());
        Assert.Equal(1, _relay.Accepted);
    }

    [Fact]
    public async Task A_mail_refused_mid_batch_is_retried_later_and_the_others_still_go()
    {
        // The server speaks ASCII only (no SMTPUTF8), so it refuses the third recipient and accepts the others.
        string[] recipients = ["cm1@almelo.example", "cm2@almelo.example", "josé@almelo.example", "cm4@almelo.example", "cm5@almelo.example"];
        var subjects = await EnqueueAsync(recipients);

        var run = await _app.RunJobAsync("notification-dispatch");

        Assert.StartsWith("4 verzonden, 1 later opnieuw, 0 opgegeven", run.GetProperty("summary").GetString());
        Assert.Equal(subjects.Where((_, i) => i != 2).Order(), _smtp.Messages().Select(m => m.Subject!).Order());
        var waiting = Assert.Single((await _app.Services.GetRequiredService<OutboxRepository>().SearchAsync(NotificationState.Queued, new PageRequest(1, 10))).Items);
        Assert.Equal(subjects[2], waiting.Subject);
        Assert.Equal(1, waiting.Attempts);
        // The first retry waits the default first delay of one minute.
        Assert.Equal(ContractRegieApp.DefaultNow.AddMinutes(1), waiting.NextAttemptAt);
        Assert.NotNull(waiting.LastError);
        // One connection up to the refusal, a fresh one for the rest.
        Assert.Equal(2, _relay.Accepted);
    }

    private async Task<List<string>> EnqueueAsync(IEnumerable<string> recipients)
    {
        var outbox = _app.Services.GetRequiredService<OutboxRepository>();
        var subjects = new List<string>();
        await _app.Services.GetRequiredService<Database>().InTransactionAsync(async tx =>
        {
            foreach (var recipient in recipients)
            {
                var subject = $"Signalering {subjects.Count + 1} {ApiClient.NextDigits(6)}";
                subjects.Add(subject);
                await outbox.EnqueueAsync(new NotificationDraft(recipient, subject, "tekst", "<p>tekst</p>", [subjects.Count], "batch:" + subject), tx);
            }
        });
        return subjects;
    }

    public Task InitializeAsync()
    {
        // Here, not in the constructor: should it fail, DisposeAsync still stops the relay and removes the Maildir.
        _smtp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _relay.DisposeAsync();
        _smtp.Dispose();
    }
}
