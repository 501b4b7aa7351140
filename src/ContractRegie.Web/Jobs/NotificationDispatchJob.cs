using System.Data.Common;
using ContractRegie.Core.Notifications;
using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Signals;
using ContractRegie.Web.Mail;
using MimeKit;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// Sends the outbox, one claimed mail at a time over one SMTP connection per run, each marked sent as soon as the SMTP
/// server accepted it. A failed
/// e-mail is tried again by <see cref="MailRetryPlan"/> until its horizon since queueing has passed; then it is
/// marked failed with the last error and the beheerder gets a signal, closed when the mail is requeued. A run sends at most
/// <see cref="MailOptions.DispatchBatchSize"/> mails, which with a run a minute is the rate the SMTP server is offered.
/// </summary>
public sealed class NotificationDispatchJob(
    Database database, OutboxRepository outbox, SignalWriter signalWriter, IMailTransport transport, MailOptions options,
    TimeProvider time, ILogger<NotificationDispatchJob> logger)
    : IContractRegieJob
{
    // Claimed one mail at a time for a minute (the SMTP timeout is 30 s): a dead dispatcher holds back one mail for
    // at most a minute, never a whole batch.
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(1);

    public string Name => JobCatalog.NotificationDispatch;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var (sent, retried, failed) = (0, 0, 0);
        var plan = options.ToRetryPlan();
        // The SMTP connection closes before the signals are written.
        await using (var batch = transport.BeginBatch())
        {
            while (sent + retried + failed < options.DispatchBatchSize && await outbox.ClaimDueAsync(ClaimFor, 1) is [var notification])
            {
                try
                {
                    await batch.SendAsync(ToMessage(notification), cancellationToken);
                    await outbox.MarkSentAsync(notification.Id);
                    sent++;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    var attempts = notification.Attempts + 1;
                    if (plan.NextAttempt(notification.QueuedAt, attempts, time.GetUtcNow()) is { } next)
                    {
                        await outbox.MarkRetryAsync(notification.Id, next, error.Message);
                        logger.LogWarning("Notification {Id} not sent (attempt {Attempts}): {Error}", notification.Id, attempts, error.Message);
                        retried++;
                    }
                    else
                    {
                        await outbox.MarkFailedAsync(notification.Id, error.Message);
                        logger.LogError(error, "Notification {Id} to {Recipient} failed after {Attempts} attempts in {Horizon}; giving up", notification.Id,
                            notification.Recipient, attempts, plan.Horizon);
                        failed++;
                    }
                }
            }
        }
        await SignalFailedAsync(cancellationToken);
        return $"{sent} verzonden, {retried} later opnieuw, {failed} opgegeven.";
    }

    /// <summary>
    /// One open signal per mail given up on; a requeued mail's signal is closed. A mail that only carries such signals
    /// raises none of its own, or an SMTP outage would feed itself a new signal and mail every horizon.
    /// </summary>
    private Task SignalFailedAsync(CancellationToken cancellationToken) =>
        database.InTransactionAsync(async tx =>
        {
            var run = signalWriter.BeginRun([SignalKind.MailUndeliverable]);
            foreach (var notification in await outbox.ReadFailedAsync(tx))
            {
                if (await IsAboutUndeliverableMailAsync(notification, tx))
                {
                    continue;
                }
                await run.RaiseAsync(UndeliverableMail.Signal(notification.Id, notification.Subject, notification.QueuedAt, notification.LastError), tx);
            }
            return await run.CompleteAsync(tx);
        }, cancellationToken);

    private Task<bool> IsAboutUndeliverableMailAsync(Notification notification, DbTransaction transaction) =>
        outbox.CarriesOnlyAsync(notification.Id, SignalKind.MailUndeliverable, transaction);

    private MimeMessage ToMessage(Notification notification)
    {
        var message = new MimeMessage { Subject = notification.Subject };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        // A stable Message-ID per notification lets mail servers drop a duplicate if a send is ever repeated.
        message.MessageId = $"notification-{notification.Id}@contractregie";
        if (notification.ThreadKey is { } thread)
        {
            // Every mail about one contract refers to the same (virtual) first message, so mail clients group them.
            var root = $"{thread}@contractregie";
            message.InReplyTo = root;
            message.References.Add(root);
            message.Headers.Add("Thread-Topic", thread);
        }
        var body = new BodyBuilder { TextBody = notification.TextBody, HtmlBody = notification.HtmlBody };
        if (notification.Calendar is { } calendar)
        {
            body.Attachments.Add("termijnen.ics", System.Text.Encoding.UTF8.GetBytes(calendar), new ContentType("text", "calendar") { Charset = "utf-8" });
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
