using System.Data.Common;
using ContractRegie.Core.Notifications;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Notifications;
using Dapper;

namespace ContractRegie.Data.Notifications;

/// <summary>One signal at one stage for one recipient, and the mail that carried it (none yet while it waits for a digest).</summary>
public sealed record SignalMailEntry
{
    public long Id { get; init; }
    public long SignalId { get; init; }
    public int Stage { get; init; }
    /// <summary>A user name, or <see cref="MailRecipient.RoleMailboxPrefix"/> and a role.</summary>
    public string Recipient { get; init; } = "";
    public bool InCopy { get; init; }
    public DateOnly? DueOn { get; init; }
    public MailChannel Channel { get; init; }
    public DateTimeOffset QueuedAt { get; init; }
    public long? NotificationId { get; init; }
}

/// <summary>The signal mail queue, written in the job's transaction together with the signals it is about.</summary>
public sealed class SignalMailRepository(Database database, TimeProvider time)
{
    /// <summary>
    /// Queues the entries in batches (the engine's rows per INSERT), except those whose signal at that stage was queued for
    /// that recipient before, in this list or earlier. For each entry, its id when queued now, else null.
    /// </summary>
    public async Task<IReadOnlyList<long?>> QueueManyAsync(IReadOnlyList<SignalMailEntry> entries, DbTransaction transaction)
    {
        var connection = transaction.Connection!;
        var signalIds = entries.Select(e => e.SignalId).Distinct().ToList();
        var known = (await ReadBySignalIdsAsync(signalIds, transaction)).Select(Key).ToHashSet();
        var isNew = entries.Select(e => known.Add(Key(e))).ToList();
        var now = time.GetUtcNow();
        foreach (var chunk in entries.Where((_, i) => isNew[i]).Chunk(database.Dialect.BulkInsertRows))
        {
            await connection.ExecuteAsync(SignalMailSql.InsertRows(chunk.Length), SqlRows.Bind(chunk.Select(entry => new
            {
                entry.SignalId, entry.Stage, entry.Recipient, entry.InCopy, entry.DueOn, entry.Channel, Now = now,
            })), transaction);
        }
        var ids = (await ReadBySignalIdsAsync(signalIds, transaction)).GroupBy(Key).ToDictionary(g => g.Key, g => g.Max(e => e.Id));
        return [.. entries.Select((entry, i) => isNew[i] ? ids[Key(entry)] : (long?)null)];
    }

    private Task<List<SignalMailEntry>> ReadBySignalIdsAsync(IReadOnlyList<long> signalIds, DbTransaction transaction) =>
        SqlRows.QueryInListsAsync<SignalMailEntry, long>(database.Dialect, transaction, SignalMailSql.ReadBySignalIds, "SignalId", signalIds);

    private static (long SignalId, int Stage, string Recipient) Key(SignalMailEntry entry) => (entry.SignalId, entry.Stage, entry.Recipient);

    /// <summary>Whoever has entries waiting for a digest.</summary>
    public async Task<IReadOnlyList<string>> ReadPendingRecipientsAsync(DbTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<string>(SignalMailSql.PendingRecipients, transaction: transaction)).AsList();

    /// <summary>One recipient's entries waiting for a digest, oldest first.</summary>
    public async Task<IReadOnlyList<SignalMailEntry>> ReadPendingAsync(string recipient, DbTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<SignalMailEntry>(SignalMailSql.ReadPendingOf, new { Recipient = recipient }, transaction)).AsList();

    public Task MarkMailedAsync(IEnumerable<long> entryIds, long notificationId, DbTransaction transaction) =>
        SqlRows.ExecuteInListsAsync(database.Dialect, transaction, SignalMailSql.MarkMailedByIds, "Id", entryIds, new { NotificationId = notificationId });

    /// <summary>Drops waiting entries whose signal was closed or moved on before the digest went out: no news is no mail.</summary>
    public Task DropAsync(IEnumerable<long> entryIds, DbTransaction transaction) =>
        SqlRows.ExecuteInListsAsync(database.Dialect, transaction, SignalMailSql.DeleteByIds, "Id", entryIds);

    /// <summary>Each contract's tactisch inkoper by contract id.</summary>
    public async Task<IReadOnlyDictionary<long, string>> ReadInkopersAsync(DbTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<(long Id, string Inkoper)>(SignalMailSql.ReadInkopers, transaction: transaction))
        .ToDictionary(row => row.Id, row => row.Inkoper);
}
