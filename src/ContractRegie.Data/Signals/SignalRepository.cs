using System.Data.Common;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Sql.Signals;
using Dapper;

namespace ContractRegie.Data.Signals;

public sealed record SignalFilter(
    SignalKind? Kind = null, SignalStatus? Status = null, SignalSeverity? Severity = null, string? Recipient = null,
    string? SubjectType = null, long? SubjectId = null, bool Unresolved = false, DateTimeOffset? UpdatedSince = null);

/// <summary>How a signal list is ordered; <see cref="Urgency"/> is the most severe first, then the nearest deadline stage.</summary>
public enum SignalOrder { Newest, Urgency, Title, Recipient, Status }

/// <summary>A stored signal that a run raises again, with what the run found and the status it gets.</summary>
public readonly record struct RaisedAgain(Signal Stored, SignalDraft Draft, SignalStatus Status);

public sealed class SignalRepository(Database database, AuditTrail audit, TimeProvider time)
{
    private const string Entity = "signal";

    public Task<Signal?> ReadByIdAsync(long id, DbTransaction? transaction = null) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<Signal>(SignalSql.ReadById, new { Id = id }, transaction));

    /// <summary>The signals with these ids, a batch of ids per query; an id without a signal is left out.</summary>
    public async Task<IReadOnlyDictionary<long, Signal>> ReadByIdsAsync(IReadOnlyCollection<long> ids, DbTransaction transaction) =>
        (await SqlRows.QueryInListsAsync<Signal, long>(database.Dialect, transaction, SignalSql.ReadByIds, "Id", ids.Distinct())).ToDictionary(s => s.Id);

    public Task<Signal?> ReadByDedupeKeyAsync(string dedupeKey, DbTransaction transaction) =>
        database.RunAsync(transaction, c => c.QuerySingleOrDefaultAsync<Signal>(SignalSql.ReadByDedupeKey, new { DedupeKey = dedupeKey }, transaction));

    /// <summary>Every signal of <paramref name="kind"/>, resolved or not: what a job run compares its findings with.</summary>
    public Task<IReadOnlyList<Signal>> ReadByKindAsync(SignalKind kind, DbTransaction transaction) =>
        database.RunAsync<IReadOnlyList<Signal>>(transaction, async c =>
            (await c.QueryAsync<Signal>(SignalSql.ReadByKind, new { Kind = kind }, transaction)).AsList());

    public Task<Page<Signal>> SearchAsync(SignalFilter filter, PageRequest page, SignalOrder order = SignalOrder.Newest, bool descending = false) =>
        database.RunAsync(null, async c =>
        {
            var parameters = new
            {
                filter.Kind, filter.Status, filter.Severity, filter.Recipient,
                filter.SubjectType, filter.SubjectId, filter.UpdatedSince, page.Offset, Limit = page.PageSize,
            };
            var total = await c.ExecuteScalarAsync<int>(SignalSql.Count(filter), parameters);
            var items = await c.QueryAsync<Signal>(SignalSql.Search(database.Dialect, filter, order, descending), parameters);
            return new Page<Signal>(items.AsList(), page.PageNumber, page.PageSize, total);
        });

    /// <summary>
    /// Stores new signals in batches, in the caller's transaction: the engine's rows per INSERT, read back by dedupe key
    /// and audited per batch, so a first run's thousands of signals cost a few round trips per batch instead of three each.
    /// </summary>
    /// <returns>The stored signals, in the order of <paramref name="drafts"/>.</returns>
    public async Task<IReadOnlyList<Signal>> InsertManyAsync(IReadOnlyList<SignalDraft> drafts, DbTransaction transaction)
    {
        var connection = transaction.Connection!;
        var now = time.GetUtcNow();
        foreach (var chunk in drafts.Chunk(database.Dialect.BulkInsertRows))
        {
            await connection.ExecuteAsync(SignalSql.InsertRows(chunk.Length), SqlRows.Bind(chunk.Select(d => Parameters(d, SignalStatus.Open, now))), transaction);
        }
        var stored = (await SqlRows.QueryInListsAsync<Signal, string>(database.Dialect, transaction, SignalSql.ReadByDedupeKeys, "DedupeKey", drafts.Select(d => d.DedupeKey).Distinct()))
            .ToDictionary(signal => signal.DedupeKey, StringComparer.Ordinal);
        var inserted = drafts.Select(d => stored[d.DedupeKey]).ToList();
        await audit.AppendManyAsync(transaction, AuditAction.Create, Entity, [.. inserted.Select(signal => new AuditedChange(signal.Id, null, signal))]);
        return inserted;
    }

    /// <summary>
    /// Stores what a run found again about stored signals (a new stage, changed facts), in batches in the caller's transaction:
    /// the engine's rows per batch of updates, read back by id and audited per batch.
    /// </summary>
    /// <returns>The updated signals, in the order of <paramref name="updates"/>.</returns>
    public async Task<IReadOnlyList<Signal>> UpdateRaisedManyAsync(IReadOnlyList<RaisedAgain> updates, DbTransaction transaction)
    {
        var now = time.GetUtcNow();
        foreach (var chunk in updates.Chunk(database.Dialect.BulkInsertRows))
        {
            await transaction.Connection!.ExecuteAsync(SignalSql.UpdateRaisedRows(chunk.Length), SqlRows.Bind(chunk.Select(update => new
            {
                update.Stored.Id, update.Draft.Severity, update.Draft.Title, update.Draft.Facts, update.Draft.Stage,
                update.Draft.Recipient, update.Draft.DueOn, update.Status, Now = now,
            })), transaction);
        }
        return await AuditedAfterAsync([.. updates.Select(update => update.Stored)], transaction);
    }

    /// <summary>The signals of <paramref name="kind"/> still open or acknowledged: what a job run may have to close.</summary>
    public Task<IReadOnlyList<Signal>> ReadUnresolvedByKindAsync(SignalKind kind, DbTransaction transaction) =>
        database.RunAsync<IReadOnlyList<Signal>>(transaction, async c =>
            (await c.QueryAsync<Signal>(SignalSql.ReadUnresolvedByKind, new { Kind = kind, Resolved = SignalStatus.Resolved }, transaction)).AsList());

    /// <summary>
    /// Resolves signals whose cause is gone (a job no longer finds them, or a decision answered them) with the reason, in the
    /// caller's transaction, a batch of ids per UPDATE, audited as <paramref name="auditedAs"/> (else the current actor). Their
    /// stage is cleared, so should the cause return it is news again.
    /// </summary>
    public async Task ResolveCauseGoneAsync(IReadOnlyList<Signal> stored, string reason, DbTransaction transaction, string? auditedAs = null)
    {
        await SqlRows.ExecuteInListsAsync(database.Dialect, transaction, SignalSql.ResolveCauseGone, "Id", stored.Select(s => s.Id),
            new { Status = SignalStatus.Resolved, ResolutionNote = reason, Stage = SignalStages.CauseGone, Now = time.GetUtcNow() });
        await AuditedAfterAsync(stored, transaction, auditedAs);
    }

    /// <summary>Reads the signals back after an update and audits each against how it was before; returns them in the same order.</summary>
    private async Task<IReadOnlyList<Signal>> AuditedAfterAsync(IReadOnlyList<Signal> before, DbTransaction transaction, string? auditedAs = null)
    {
        var stored = await ReadByIdsAsync([.. before.Select(signal => signal.Id)], transaction);
        var after = before.Select(signal => stored[signal.Id]).ToList();
        await audit.AppendManyAsync(transaction, AuditAction.Update, Entity, [.. before.Zip(after, (b, a) => new AuditedChange(b.Id, b, a))], auditedAs);
        return after;
    }

    /// <summary>The open and acknowledged signals about one subject (e.g. "contract", 12).</summary>
    public async Task<IReadOnlyList<Signal>> ReadUnresolvedBySubjectAsync(string subjectType, long subjectId, DbTransaction transaction) =>
        (await transaction.Connection!.QueryAsync<Signal>(SignalSql.ReadUnresolvedBySubject,
            new { SubjectType = subjectType, SubjectId = subjectId, Resolved = SignalStatus.Resolved }, transaction)).AsList();

    /// <summary>Acknowledges or resolves a signal; null when it does not exist.</summary>
    public Task<Signal?> SetStatusAsync(long id, SignalStatus status, string? note) =>
        database.InTransactionAsync<Signal?>(null, async tx =>
            await ReadByIdAsync(id, tx) is { } before ? await WriteStatusAsync(before, status, note, tx) : null);

    private async Task<Signal> WriteStatusAsync(Signal before, SignalStatus status, string? note, DbTransaction transaction)
    {
        await transaction.Connection!.ExecuteAsync(SignalSql.UpdateStatus,
            new { before.Id, Status = status, ResolutionNote = note ?? before.ResolutionNote, Now = time.GetUtcNow() }, transaction);
        var after = (await ReadByIdAsync(before.Id, transaction))!;
        await audit.AppendAsync(transaction, AuditAction.Update, Entity, before.Id, before, after);
        return after;
    }

    private static object Parameters(SignalDraft draft, SignalStatus status, DateTimeOffset now) => new
    {
        draft.Kind, draft.Severity, draft.SubjectType, draft.SubjectId, draft.Title, draft.Facts,
        draft.DedupeKey, draft.Stage, draft.Recipient, draft.DueOn, Status = status, Now = now,
    };
}
