using System.Data.Common;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql.Notifications;
using Dapper;

namespace ContractRegie.Data.Notifications;

public enum NotificationState { Queued, Sent, Failed }

/// <summary>An e-mail waiting in (or sent from) the outbox.</summary>
public sealed record Notification
{
    public long Id { get; init; }
    public string Recipient { get; init; } = "";
    public string Subject { get; init; } = "";
    public string TextBody { get; init; } = "";
    public string HtmlBody { get; init; } = "";
    public string DedupeKey { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public DateTimeOffset? ClaimedUntil { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    public string? LastError { get; init; }
    /// <summary>Mails about one contract share it, so mail clients show them as one conversation.</summary>
    public string? ThreadKey { get; init; }
    /// <summary>An iCalendar file with the deadlines the mail is about.</summary>
    public string? Calendar { get; init; }
    /// <summary>When it was (last) put in the queue: the retry horizon runs from here.</summary>
    public DateTimeOffset QueuedAt { get; init; }
}

public sealed record NotificationDraft(
    string Recipient, string Subject, string TextBody, string HtmlBody, IReadOnlyList<long> SignalIds, string DedupeKey, string? ThreadKey = null,
    string? Calendar = null);

/// <summary>
/// The outbox: jobs enqueue in their own transaction (so a signal and its e-mail are stored together), the
/// dispatcher claims, sends and marks. Nothing is lost while SMTP is down, and a claimed row is sent by one dispatcher only.
/// </summary>
public sealed class OutboxRepository(Database database, AuditTrail audit, TimeProvider time)
{
    private const string Entity = "notification";

    /// <summary>Queues the e-mail unless one with the same dedupe key was queued before; its id when queued now.</summary>
    public async Task<long?> EnqueueAsync(NotificationDraft draft, DbTransaction transaction)
    {
        var connection = transaction.Connection!;
        if (await connection.ExecuteScalarAsync<int>(NotificationSql.CountByDedupeKey, new { draft.DedupeKey }, transaction) > 0)
        {
            return null;
        }
        var id = await connection.ExecuteScalarAsync<long>(NotificationSql.Insert + ";\n" + database.Dialect.SelectInsertedId, new
        {
            draft.Recipient, draft.Subject, draft.TextBody, draft.HtmlBody, draft.DedupeKey, draft.ThreadKey, draft.Calendar, Now = time.GetUtcNow(),
        }, transaction);
        // In bulk: a first-run overview carries thousands of signals, and a statement per link cost a round trip each.
        await database.Dialect.InsertRowsAsync(transaction, NotificationSql.InsertSignalLinkRows,
            draft.SignalIds.Distinct().Select(signalId => new { NotificationId = id, SignalId = signalId }));
        return id;
    }

    /// <summary>The ids of the signals the mail carries, lowest first.</summary>
    public Task<IReadOnlyList<long>> ReadSignalIdsAsync(long notificationId, DbTransaction? transaction = null) =>
        database.RunAsync<IReadOnlyList<long>>(transaction, async c =>
            (await c.QueryAsync<long>(NotificationSql.SignalIdsByNotificationId, new { Id = notificationId }, transaction)).AsList());

    /// <summary>Whether the mail carries signals and all of them are of <paramref name="kind"/>.</summary>
    public Task<bool> CarriesOnlyAsync(long notificationId, SignalKind kind, DbTransaction transaction) =>
        database.RunAsync(transaction, async c =>
            await c.ExecuteScalarAsync<int>(NotificationSql.CarriesOnlyKind, new { Id = notificationId, Kind = kind }, transaction) == 1);

    /// <summary>Claims due notifications for <paramref name="claimFor"/>; each returned row belongs to this caller alone.</summary>
    public Task<IReadOnlyList<Notification>> ClaimDueAsync(TimeSpan claimFor, int max) =>
        database.RunAsync<IReadOnlyList<Notification>>(null, async c =>
        {
            var now = time.GetUtcNow();
            var claimed = new List<Notification>();
            foreach (var id in await c.QueryAsync<long>(NotificationSql.ReadDueIds(database.Dialect), new { Now = now, Offset = 0, Limit = max }))
            {
                if (await c.ExecuteAsync(NotificationSql.Claim, new { Id = id, Now = now, Until = now + claimFor }) == 1)
                {
                    claimed.Add(await c.QuerySingleAsync<Notification>(NotificationSql.ReadById, new { Id = id }));
                }
            }
            return claimed;
        });

    public Task MarkSentAsync(long id) =>
        database.RunAsync(null, c => c.ExecuteAsync(NotificationSql.MarkSent, new { Id = id, Now = time.GetUtcNow() }));

    public Task MarkRetryAsync(long id, DateTimeOffset nextAttemptAt, string error) =>
        database.RunAsync(null, c => c.ExecuteAsync(NotificationSql.MarkRetry, new { Id = id, NextAttemptAt = nextAttemptAt, LastError = Truncate(error) }));

    public Task MarkFailedAsync(long id, string error) =>
        database.RunAsync(null, c => c.ExecuteAsync(NotificationSql.MarkFailed, new { Id = id, Now = time.GetUtcNow(), LastError = Truncate(error) }));

    /// <summary>The mails the dispatcher gave up on and nobody requeued yet.</summary>
    public Task<IReadOnlyList<Notification>> ReadFailedAsync(DbTransaction transaction) =>
        database.RunAsync<IReadOnlyList<Notification>>(transaction, async c =>
            (await c.QueryAsync<Notification>(NotificationSql.ReadFailed, transaction: transaction)).AsList());

    /// <summary>How many unsent e-mails were due before <paramref name="dueBefore"/> (for the ready check).</summary>
    public Task<int> CountDueBeforeAsync(DateTimeOffset dueBefore) =>
        database.RunAsync(null, c => c.ExecuteScalarAsync<int>(NotificationSql.CountDueBefore, new { DueBefore = dueBefore }));

    public Task<Page<Notification>> SearchAsync(NotificationState? state, PageRequest page) =>
        database.RunAsync(null, async c =>
        {
            var parameters = new { page.Offset, Limit = page.PageSize };
            var total = await c.ExecuteScalarAsync<int>(NotificationSql.Count(state), parameters);
            var items = await c.QueryAsync<Notification>(NotificationSql.Search(database.Dialect, state), parameters);
            return new Page<Notification>(items.AsList(), page.PageNumber, page.PageSize, total);
        });

    /// <summary>
    /// Puts a mail the dispatcher gave up on back in the queue with fresh attempts; null when there is no such mail,
    /// false when it did not fail (queued or sent mail is left alone). Audited without the recipient or the text.
    /// </summary>
    public Task<bool?> RequeueFailedAsync(long id) =>
        database.InTransactionAsync<bool?>(null, async tx =>
        {
            var connection = tx.Connection!;
            if (await connection.QuerySingleOrDefaultAsync<Notification>(NotificationSql.ReadById, new { Id = id }, tx) is not { } before)
            {
                return null;
            }
            if (await connection.ExecuteAsync(NotificationSql.RequeueFailed, new { Id = id, Now = time.GetUtcNow() }, tx) == 0)
            {
                return false;
            }
            var after = await connection.QuerySingleAsync<Notification>(NotificationSql.ReadById, new { Id = id }, tx);
            await audit.AppendAsync(tx, AuditAction.Update, Entity, id, AuditView(before), AuditView(after));
            return true;
        });

    private static object AuditView(Notification notification) =>
        new { notification.Id, notification.Attempts, notification.NextAttemptAt, notification.QueuedAt, notification.FailedAt, notification.LastError };

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
