using System.Data.Common;
using ContractRegie.Core.Signals;

namespace ContractRegie.Data.Signals;

/// <summary>
/// One job run's signals: it upserts each proposed signal by its dedupe key (a second run the same day changes nothing),
/// remembers what is news (new, or at a more urgent stage) for the mail, and what the run still finds, so that
/// <see cref="CompleteAsync"/> can close the job's other open signals. New signals and changes to stored ones are written
/// in batches of <see cref="SaveEvery"/> (and the rest before the run completes), with their audit entries.
/// </summary>
public sealed class SignalRun
{
    private readonly SignalWriter _writer;
    private readonly SignalRepository _signals;
    private readonly HashSet<string> _proposed = [];
    // In the order found; a new or escalated signal's place is kept (Signal null) until its batch is stored.
    private readonly List<(Signal? Signal, DateOnly? DueOn)> _news = [];
    private readonly List<(int NewsIndex, SignalDraft Draft)> _unsaved = [];
    // Stored signals raised again with a change; NewsIndex is null for a change that is no news (facts, not stage).
    private readonly List<(int? NewsIndex, RaisedAgain Update)> _unsavedUpdates = [];
    private readonly HashSet<string> _unsavedKeys = new(StringComparer.Ordinal);
    private Dictionary<string, Signal>? _owned;

    /// <summary>New and changed signals held before they are written: bounds memory while a batch still saves most round trips.</summary>
    public const int SaveEvery = 512;

    internal SignalRun(SignalWriter writer, SignalRepository signals, IReadOnlyCollection<SignalKind> ownedKinds)
    {
        _writer = writer;
        _signals = signals;
        OwnedKinds = ownedKinds;
    }

    /// <summary>The kinds this job raises: their open signals that the run does not propose are closed.</summary>
    internal IReadOnlyCollection<SignalKind> OwnedKinds { get; }

    /// <summary>What is news, once <see cref="SaveAsync"/> has stored every new signal.</summary>
    internal IReadOnlyList<(Signal Signal, DateOnly? DueOn)> News =>
        _unsaved.Count == 0 && _unsavedUpdates.Count == 0
            ? [.. _news.Select(n => (n.Signal!, n.DueOn))]
            : throw new InvalidOperationException("Save the run's signals first.");

    public async Task<SignalChange> RaiseAsync(SignalDraft draft, DbTransaction transaction)
    {
        _proposed.Add(draft.DedupeKey);
        var stored = await StoredAsync(draft, transaction);
        if (stored is null)
        {
            _unsaved.Add((_news.Count, draft));
            await HoldAsync(draft, transaction);
            return SignalChange.Raised;
        }
        if (stored.Stage != draft.Stage)
        {
            // A new stage is news even if someone resolved the earlier one, and so is a cause that returns: it opens again.
            _unsavedUpdates.Add((_news.Count, new RaisedAgain(stored, draft, SignalStatus.Open)));
            await HoldAsync(draft, transaction);
            return SignalChange.Escalated;
        }
        if (stored.Facts != draft.Facts || stored.Severity != draft.Severity || stored.Title != draft.Title || stored.DueOn != draft.DueOn)
        {
            _unsavedUpdates.Add((null, new RaisedAgain(stored, draft, stored.Status)));
            _unsavedKeys.Add(draft.DedupeKey);
            await SaveWhenFullAsync(transaction);
        }
        return SignalChange.Unchanged;
    }

    /// <summary>Keeps the place of a new or escalated signal among the news until its batch is written.</summary>
    private Task HoldAsync(SignalDraft draft, DbTransaction transaction)
    {
        _unsavedKeys.Add(draft.DedupeKey);
        _news.Add((null, draft.DueOn));
        return SaveWhenFullAsync(transaction);
    }

    private Task SaveWhenFullAsync(DbTransaction transaction) =>
        _unsaved.Count + _unsavedUpdates.Count >= SaveEvery ? SaveAsync(transaction) : Task.CompletedTask;

    /// <summary>
    /// The stored signal with the draft's dedupe key. The job's own kinds are read once per run, one query per kind, so a
    /// run that finds nothing new costs a read per kind instead of a round trip per finding.
    /// </summary>
    private async Task<Signal?> StoredAsync(SignalDraft draft, DbTransaction transaction)
    {
        if (_unsavedKeys.Contains(draft.DedupeKey))
        {
            // Raised twice in one run: the first must be written before the second is compared with it.
            await SaveAsync(transaction);
        }
        if (!OwnedKinds.Contains(draft.Kind))
        {
            return await _signals.ReadByDedupeKeyAsync(draft.DedupeKey, transaction);
        }
        if (_owned is null)
        {
            _owned = new Dictionary<string, Signal>(StringComparer.Ordinal);
            foreach (var kind in OwnedKinds)
            {
                foreach (var signal in await _signals.ReadByKindAsync(kind, transaction))
                {
                    _owned[signal.DedupeKey] = signal;
                }
            }
        }
        return _owned.GetValueOrDefault(draft.DedupeKey);
    }

    /// <summary>Writes the new and changed signals held so far, in batches, and puts the news in their places.</summary>
    internal async Task SaveAsync(DbTransaction transaction)
    {
        if (_unsaved.Count > 0)
        {
            var stored = await _signals.InsertManyAsync([.. _unsaved.Select(u => u.Draft)], transaction);
            foreach (var ((index, draft), signal) in _unsaved.Zip(stored))
            {
                _news[index] = (Remember(signal), draft.DueOn);
            }
            _unsaved.Clear();
        }
        if (_unsavedUpdates.Count > 0)
        {
            var updated = await _signals.UpdateRaisedManyAsync([.. _unsavedUpdates.Select(u => u.Update)], transaction);
            foreach (var ((index, update), signal) in _unsavedUpdates.Zip(updated))
            {
                Remember(signal);
                if (index is { } newsIndex)
                {
                    _news[newsIndex] = (signal, update.Draft.DueOn);
                }
            }
            _unsavedUpdates.Clear();
        }
        _unsavedKeys.Clear();
    }

    /// <summary>
    /// The unresolved signals of <paramref name="kind"/> the run did not propose, after <see cref="SaveAsync"/>. Which ones
    /// comes from what the run read to compare with (a national register's signals are read once, not twice); those are
    /// read again by id, so one that someone resolved in the meantime keeps its resolution.
    /// </summary>
    internal async Task<IReadOnlyList<Signal>> NoLongerFoundAsync(SignalKind kind, DbTransaction transaction)
    {
        if (_owned is null)
        {
            return [.. (await _signals.ReadUnresolvedByKindAsync(kind, transaction)).Where(s => !_proposed.Contains(s.DedupeKey))];
        }
        var candidates = _owned.Values.Where(s => s.Kind == kind && s.Status != SignalStatus.Resolved && !_proposed.Contains(s.DedupeKey)).Select(s => s.Id).ToList();
        var current = await _signals.ReadByIdsAsync(candidates, transaction);
        return [.. candidates.Select(current.GetValueOrDefault).OfType<Signal>().Where(s => s.Status != SignalStatus.Resolved)];
    }

    private Signal Remember(Signal signal)
    {
        if (_owned is not null && OwnedKinds.Contains(signal.Kind))
        {
            _owned[signal.DedupeKey] = signal;
        }
        return signal;
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

    /// <summary>A signal whose cause still holds although the run raises nothing new about it (e.g. a risk level that stayed).</summary>
    public void Sustain(string dedupeKey) => _proposed.Add(dedupeKey);

    /// <summary>Closes the job's signals the run no longer found and mails the news; call it last, in the run's transaction.</summary>
    public Task<RunResult> CompleteAsync(DbTransaction transaction) => _writer.CompleteAsync(this, transaction);
}
