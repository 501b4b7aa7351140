using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContractRegie.Core.Common;
using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Users;

namespace ContractRegie.Data.Signals;

/// <summary>
/// Where e-mails point to and go: the base address of links, who receives what nobody else would (a role's mailbox,
/// else the fallback), routing per signal kind and the mail policy (immediate threshold, overview size).
/// </summary>
public sealed record MailAddressing(string BaseUrl, string? FallbackRecipient)
{
    public IReadOnlyDictionary<Role, string> RoleMailboxes { get; init; } = new Dictionary<Role, string>();
    public IReadOnlyDictionary<SignalKind, IReadOnlyList<Addressee>> Routing { get; init; } = MailRouting.Defaults;
    public MailPolicy Policy { get; init; } = MailPolicy.Default;
}

public enum SignalChange { Raised, Escalated, Unchanged }

/// <summary>How many signals a job raised and escalated, for its log line and run summary.</summary>
public readonly record struct SignalTally(int Raised, int Escalated)
{
    public static SignalTally operator +(SignalTally a, SignalTally b) => new(a.Raised + b.Raised, a.Escalated + b.Escalated);
}

/// <summary>
/// The one way jobs record what they found. A job begins a <see cref="SignalRun"/> for the kinds it owns, raises its
/// signals through it and completes it in its transaction: signals the run no longer finds are closed with the reason,
/// and each recipient gets one mail with what is urgent for them; the rest waits for their digest.
/// </summary>
public sealed class SignalWriter(
    SignalRepository signals, OutboxRepository outbox, SignalMailRepository mailQueue, UserRepository users, MailAddressing addressing, TimeProvider time)
{
    public SignalRun BeginRun(IReadOnlyCollection<SignalKind> ownedKinds) => new(this, signals, ownedKinds);

    /// <summary>
    /// Closes what the run no longer finds, queues the news for its recipients (at once, digest or overview) and sends
    /// each recipient one mail with the immediate part.
    /// </summary>
    internal async Task<RunResult> CompleteAsync(SignalRun run, DbTransaction transaction)
    {
        await run.SaveAsync(transaction);
        var today = time.Today();
        var closed = 0;
        foreach (var kind in run.OwnedKinds)
        {
            var stale = await run.NoLongerFoundAsync(kind, transaction);
            await signals.ResolveCauseGoneAsync(stale, SignalClosure.Reason(kind, today), transaction, AuditTrail.SystemActor);
            closed += stale.Count;
        }
        var news = run.News;
        if (news.Count == 0)
        {
            return new RunResult(closed, 0);
        }
        var recipients = await MailRecipients.LoadAsync(users, addressing, transaction);
        var inkopers = await mailQueue.ReadInkopersAsync(transaction);
        var overview = news.Count >= addressing.Policy.OverviewFromNews;
        var queue = new List<(SignalMailEntry Entry, MailRecipient Recipient, MailItem Item)>();
        foreach (var (signal, dueOn) in news)
        {
            var inkoper = signal.SubjectType == SignalSubjects.Contract ? inkopers.GetValueOrDefault(signal.SubjectId) : null;
            foreach (var (recipient, inCopy) in recipients.For(addressing.Routing[signal.Kind], signal.Recipient, inkoper))
            {
                var entry = new SignalMailEntry
                {
                    SignalId = signal.Id, Stage = signal.Stage, Recipient = recipient.Key, InCopy = inCopy, DueOn = dueOn,
                    Channel = MailChannels.For(signal.Severity, recipient.Frequency, overview, addressing.Policy),
                };
                queue.Add((entry, recipient, new MailItem(signal, dueOn, inCopy)));
            }
        }
        var immediate = new Dictionary<string, (MailRecipient Recipient, List<(long EntryId, MailItem Item)> Items)>();
        var entryIds = await mailQueue.QueueManyAsync([.. queue.Select(q => q.Entry)], transaction);
        foreach (var ((entry, recipient, item), queuedId) in queue.Zip(entryIds))
        {
            if (queuedId is { } entryId && entry.Channel == MailChannel.Immediate)
            {
                if (!immediate.TryGetValue(recipient.Key, out var bundle))
                {
                    immediate[recipient.Key] = bundle = (recipient, []);
                }
                bundle.Items.Add((entryId, item));
            }
        }
        foreach (var (recipient, items) in immediate.Values)
        {
            var content = SignalMail.Immediate([.. items.Select(i => i.Item)], recipient.Reader, addressing.BaseUrl);
            await EnqueueAsync(recipient, items, content, $"run:{recipient.Key}:{Fingerprint(items.Select(i => i.Item))}", transaction);
        }
        return new RunResult(closed, immediate.Count);
    }

    /// <summary>
    /// One digest per recipient whose period (day, or ISO week for weekly readers) has no digest yet, with what waits for
    /// them; waiting entries whose signal was closed or moved on are dropped. Returns how many digests were queued.
    /// </summary>
    public async Task<int> QueueDigestsAsync(DateOnly today, DbTransaction transaction)
    {
        var recipients = await MailRecipients.LoadAsync(users, addressing, transaction);
        var queued = 0;
        // One recipient's waiting entries and their signals at a time: memory holds one person's digest, not the queue.
        foreach (var key in await mailQueue.ReadPendingRecipientsAsync(transaction))
        {
            var pending = await mailQueue.ReadPendingAsync(key, transaction);
            var waiting = await signals.ReadByIdsAsync([.. pending.Select(e => e.SignalId)], transaction);
            var items = new List<(long EntryId, MailItem Item)>();
            var stale = new List<long>();
            foreach (var entry in pending)
            {
                if (waiting.GetValueOrDefault(entry.SignalId) is { Status: not SignalStatus.Resolved } signal && signal.Stage == entry.Stage)
                {
                    items.Add((entry.Id, new MailItem(signal, entry.DueOn, entry.InCopy)));
                }
                else
                {
                    stale.Add(entry.Id);
                }
            }
            await mailQueue.DropAsync(stale, transaction);
            if (items.Count == 0 || recipients.ByKey(key) is not { } recipient)
            {
                continue;
            }
            var overview = pending.Any(e => e.Channel == MailChannel.Overview);
            var period = MailChannels.DigestPeriod(recipient.Frequency, today, overview);
            var content = SignalMail.Digest([.. items.Select(i => i.Item)], recipient.Reader, today, recipient.Frequency, overview, addressing.BaseUrl);
            queued += await EnqueueAsync(recipient, items, content, $"digest:{recipient.Key}:{period}", transaction) ? 1 : 0;
        }
        return queued;
    }

    /// <summary>
    /// Queues one mail and marks its entries as carried by it; false when a mail with that key exists (e.g. this period's
    /// digest went out), so the entries wait. Mails about one subject share a thread; deadlines travel as a calendar file.
    /// </summary>
    private async Task<bool> EnqueueAsync(MailRecipient recipient, List<(long EntryId, MailItem Item)> items, MailContent content, string dedupeKey,
        DbTransaction transaction)
    {
        var mailItems = items.Select(i => i.Item).ToList();
        var subjects = mailItems.Select(i => (i.Signal.SubjectType, i.Signal.SubjectId)).Distinct().ToList();
        var thread = subjects.Count == 1 ? $"{subjects[0].SubjectType}-{subjects[0].SubjectId}" : null;
        var draft = new NotificationDraft(recipient.Address, content.Subject, content.Text, content.Html, [.. mailItems.Select(i => i.Signal.Id).Distinct()],
            dedupeKey, thread, DeadlineCalendar.For(SignalMail.Listed(mailItems)));
        if (await outbox.EnqueueAsync(draft, transaction) is not { } notificationId)
        {
            return false;
        }
        await mailQueue.MarkMailedAsync(items.Select(i => i.EntryId), notificationId, transaction);
        return true;
    }

    /// <summary>A short stable name for a set of signal stages, so the same news never makes two mails.</summary>
    private static string Fingerprint(IEnumerable<MailItem> items)
    {
        var text = string.Join(",", items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Signal.Id}#{i.Signal.Stage}")).Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

/// <summary>What completing a run did: signals closed because their cause is gone, and mails sent at once.</summary>
public readonly record struct RunResult(int Closed, int ImmediateMails);
