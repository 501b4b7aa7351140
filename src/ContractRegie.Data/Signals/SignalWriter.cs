using System.Data.Common;
using ContractRegie.Core.Notifications;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Users;

namespace ContractRegie.Data.Signals;

/// <summary>Where e-mails point to and go when a contractmanager has no known address.</summary>
public sealed record MailAddressing(string BaseUrl, string? FallbackRecipient);

public enum SignalChange { Raised, Escalated, Unchanged }

/// <summary>How many signals a job raised and escalated, for its log line and run summary.</summary>
public readonly record struct SignalTally(int Raised, int Escalated)
{
    public static SignalTally operator +(SignalTally a, SignalTally b) => new(a.Raised + b.Raised, a.Escalated + b.Escalated);
}

/// <summary>
/// The one way jobs record what they found: inside the job's transaction it upserts the signal by its dedupe key
/// and queues an e-mail when the signal is new or has reached a more urgent stage. Run the same job twice and the
/// second run changes nothing and queues nothing.
/// </summary>
public sealed class SignalWriter(SignalRepository signals, OutboxRepository outbox, UserRepository users, MailAddressing addressing)
{
    public async Task<SignalChange> RaiseAsync(SignalDraft draft, DbTransaction transaction)
    {
        var stored = await signals.ReadByDedupeKeyAsync(draft.DedupeKey, transaction);
        Signal signal;
        SignalChange change;
        if (stored is null)
        {
            signal = await signals.InsertAsync(draft, transaction);
            change = SignalChange.Raised;
        }
        else if (stored.Stage != draft.Stage)
        {
            // A new stage is news even if someone resolved the earlier one: it opens again.
            signal = await signals.UpdateRaisedAsync(stored, draft, SignalStatus.Open, transaction);
            change = SignalChange.Escalated;
        }
        else
        {
            if (stored.Facts != draft.Facts || stored.Severity != draft.Severity || stored.Title != draft.Title || stored.DueOn != draft.DueOn)
            {
                await signals.UpdateRaisedAsync(stored, draft, stored.Status, transaction);
            }
            return SignalChange.Unchanged;
        }
        if (await RecipientAddressAsync(draft.Recipient, transaction) is { } address)
        {
            var mail = SignalMail.ForSignal(signal, addressing.BaseUrl);
            await outbox.EnqueueAsync(
                new NotificationDraft(address, mail.Subject, mail.Text, mail.Html, [signal.Id], $"{signal.DedupeKey}#{signal.Stage}"), transaction);
        }
        return change;
    }

    public async Task<SignalTally> RaiseAllAsync(IEnumerable<SignalDraft> drafts, DbTransaction transaction)
    {
        var tally = new SignalTally();
        foreach (var draft in drafts)
        {
            tally += await RaiseAsync(draft, transaction) switch
            {
                SignalChange.Raised => new SignalTally(1, 0),
                SignalChange.Escalated => new SignalTally(0, 1),
                _ => new SignalTally(),
            };
        }
        return tally;
    }

    /// <summary>The contractmanager's e-mail from the user accounts, else the configured fallback, else none.</summary>
    public async Task<string?> RecipientAddressAsync(string? userName, DbTransaction transaction) =>
        (userName is null ? null : (await users.ReadByUserNameAsync(userName, transaction))?.Email) ?? addressing.FallbackRecipient;
}
