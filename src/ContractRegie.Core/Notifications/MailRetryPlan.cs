using System.Globalization;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Notifications;

/// <summary>
/// When a mail that could not be sent is tried again: after 1, 2, 4 … times <see cref="FirstDelay"/> (at most an hour),
/// until <see cref="Horizon"/> has passed since it was queued; the last try falls on the horizon itself, so an outage
/// shorter than the horizon never loses a mail.
/// </summary>
public sealed record MailRetryPlan(TimeSpan FirstDelay, TimeSpan Horizon)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    public static readonly MailRetryPlan Default = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(48));

    /// <summary>The next try after failed try number <paramref name="attempts"/>; null when the mail is to be given up.</summary>
    public DateTimeOffset? NextAttempt(DateTimeOffset queuedAt, int attempts, DateTimeOffset now)
    {
        var giveUpAt = queuedAt + Horizon;
        if (now >= giveUpAt)
        {
            return null;
        }
        var next = now + Delay(attempts);
        return next < giveUpAt ? next : giveUpAt;
    }

    public TimeSpan Delay(int attempts)
    {
        // Beyond 2^6 minutes the hour cap holds anyway; capping the exponent keeps the double finite.
        var delay = FirstDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return delay < MaxDelay ? delay : MaxDelay;
    }
}

/// <summary>The signal that tells the beheerder a mail was given up, so it is never lost silently.</summary>
public static class UndeliverableMail
{
    public static SignalDraft Signal(long notificationId, string mailSubject, DateTimeOffset queuedAt, string? lastError) => new(
        SignalKind.MailUndeliverable, SignalSeverity.High, SignalSubjects.Notification, notificationId,
        $"E-mail {notificationId} kon niet worden verzonden",
        string.Create(CultureInfo.InvariantCulture,
            $"Onderwerp: {mailSubject}. In de wachtrij sinds {queuedAt:dd-MM-yyyy HH:mm} (UTC); laatste fout: {Shorten(lastError ?? "onbekend")}."),
        DedupeKeys.MailUndeliverable(notificationId), Stage: 0, Recipient: null);

    // The facts hold 2000 characters; the start of an SMTP error says what went wrong.
    private static string Shorten(string error) => error.Length <= 500 ? error : error[..500] + "…";
}
