using ContractRegie.Data.Notifications;
using ContractRegie.Web.Mail;
using MimeKit;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// Sends the outbox. A failed e-mail is tried again after a delay that doubles each time, and after
/// <see cref="MailOptions.MaxAttempts"/> it is marked failed with the last error; a sent one is never sent again.
/// </summary>
public sealed class NotificationDispatchJob(
    OutboxRepository outbox, IMailTransport transport, MailOptions options, TimeProvider time, ILogger<NotificationDispatchJob> logger)
    : IContractRegieJob
{
    private const int BatchSize = 100;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    public string Name => "notification-dispatch";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var (sent, retried, failed) = (0, 0, 0);
        foreach (var notification in await outbox.ClaimDueAsync(ClaimFor, BatchSize))
        {
            try
            {
                await transport.SendAsync(ToMessage(notification), cancellationToken);
                await outbox.MarkSentAsync(notification.Id);
                sent++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                var attempts = notification.Attempts + 1;
                if (attempts >= options.MaxAttempts)
                {
                    await outbox.MarkFailedAsync(notification.Id, error.Message);
                    logger.LogError(error, "Notification {Id} to {Recipient} failed after {Attempts} attempts; giving up", notification.Id, notification.Recipient, attempts);
                    failed++;
                }
                else
                {
                    await outbox.MarkRetryAsync(notification.Id, time.GetUtcNow() + RetryDelay(attempts), error.Message);
                    logger.LogWarning("Notification {Id} not sent (attempt {Attempts}): {Error}", notification.Id, attempts, error.Message);
                    retried++;
                }
            }
        }
        return $"{sent} verzonden, {retried} later opnieuw, {failed} opgegeven.";
    }

    /// <summary>1, 2, 4, 8 … times the configured delay, at most an hour.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var delay = options.RetryDelay * Math.Pow(2, attempts - 1);
        return delay < MaxDelay ? delay : MaxDelay;
    }

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
