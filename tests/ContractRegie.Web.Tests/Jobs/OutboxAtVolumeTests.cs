using System.Globalization;
using ContractRegie.Data;
using ContractRegie.Data.Notifications;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>The dispatcher sends a bounded batch per run, at the configured size, to a real SMTP server (aiosmtpd).</summary>
public sealed class OutboxAtVolumeTests : IDisposable
{
    private const int BatchSize = 3;
    private readonly TestSmtpServer _smtp = new();
    private readonly ContractRegieApp _app;

    public OutboxAtVolumeTests()
    {
        var settings = _smtp.MailSettings();
        settings["Mail:DispatchBatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture);
        _app = new ContractRegieApp { Settings = settings };
    }

    [Fact]
    public async Task Each_run_sends_at_most_the_configured_batch_until_the_outbox_is_empty_and_every_mail_arrives_once()
    {
        _smtp.Start();
        var outbox = _app.Services.GetRequiredService<OutboxRepository>();
        // Seven mails, each carrying 300 signals (far past what the old comma-separated column could hold).
        var subjects = Enumerable.Range(1, 7).Select(i => $"Overzicht {i} {ApiClient.NextDigits(6)}").ToList();
        await _app.Services.GetRequiredService<Database>().InTransactionAsync(async tx =>
        {
            foreach (var (subject, i) in subjects.Select((s, i) => (s, i)))
            {
                var signals = Enumerable.Range(0, 300).Select(n => 1_000_000L * (i + 1) + n).ToList();
                await outbox.EnqueueAsync(new NotificationDraft($"cm{i}@almelo.example", subject, "tekst", "<p>tekst</p>", signals, "volume:" + subject), tx);
            }
        });

        var delivered = new List<int>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            var run = await _app.RunJobAsync("notification-dispatch");
            delivered.Add(_smtp.Messages().Count);
            Assert.StartsWith($"{delivered[^1] - (delivered.Count > 1 ? delivered[^2] : 0)} verzonden", run.GetProperty("summary").GetString());
        }

        // 3 + 3 + 1 + 0: bounded per run, nothing twice, nothing left.
        Assert.Equal([3, 6, 7, 7], delivered);
        Assert.Equal(subjects.Order(), _smtp.Messages().Select(m => m.Subject!).Order());
        Assert.Equal(0, (await outbox.SearchAsync(NotificationState.Queued, new PageRequest(1, 1))).TotalCount);
    }

    public void Dispose()
    {
        _app.Dispose();
        _smtp.Dispose();
    }
}
