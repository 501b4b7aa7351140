using System.Data.Common;
using ContractRegie.Core.Notifications;
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
    /// <summary>Queues the entry unless this signal at this stage was queued for this recipient before; its id when queued now.</summary>
    public async Task<long?> QueueAsync(SignalMailEntry entry, DbTransaction transaction)
    {
        var connection = transaction.Connection!;
        if (await connection.ExecuteScalarAsync<int>(SignalMailSql.CountByKey, new { entry.SignalId, entry.Stage, entry.Recipient }, transaction) > 0)
        {
            return null;
        }
        return await connection.ExecuteScalarAsync<long>(SignalMailSql.Insert + ";\n" + database.Dialect.SelectInsertedId, new
        {
            entry.SignalId, entry.Stage, entry.Recipient, entry.InCopy, entry.DueOn, Channel = entry.Channel.ToString(), Now = time.GetUtcNow(),
        }, transaction);
    }

    public async Task<IReadOnlyList<SignalMailEntry>> ReadPendingAsync(DbTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<SignalMailEntry>(SignalMailSql.ReadPending, transaction: transaction)).AsList();

    public async Task MarkMailedAsync(IEnumerable<long> entryIds, long notificationId, DbTransaction transaction)
    {
        foreach (var id in entryIds)
        {
            await transaction.Connection!.ExecuteAsync(SignalMailSql.MarkMailed, new { Id = id, NotificationId = notificationId }, transaction);
        }
    }

    /// <summary>Drops a waiting entry whose signal was closed or moved on before the digest went out: no news is no mail.</summary>
    public Task DropAsync(long entryId, DbTransaction transaction) =>
        transaction.Connection!.ExecuteAsync(SignalMailSql.DeleteById, new { Id = entryId }, transaction);

    /// <summary>Each contract's tactisch inkoper by contract id.</summary>
    public async Task<IReadOnlyDictionary<long, string>> ReadInkopersAsync(DbTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<(long Id, string Inkoper)>(SignalMailSql.ReadInkopers, transaction: transaction))
        .ToDictionary(row => row.Id, row => row.Inkoper);
}
