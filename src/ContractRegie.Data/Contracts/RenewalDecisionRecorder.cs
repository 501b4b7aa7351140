using ContractRegie.Core.Contracts;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Signals;

namespace ContractRegie.Data.Contracts;

/// <summary>
/// Records a renewal decision with its consequences in one transaction: the decision and its effect on the
/// contract, the signals it answers resolved with the reason, and a late extension signalled to the contract owner.
/// </summary>
public sealed class RenewalDecisionRecorder(Database database, ContractRepository contracts, SignalRepository signals, SignalWriter writer)
{
    /// <summary>
    /// Records <paramref name="decision"/> with the <paramref name="outcome"/> <see cref="KeyDateRules.Decide"/> gave it.
    /// Returns the decision's id, or null when someone else exercised that option first.
    /// </summary>
    public Task<long?> RecordAsync(RenewalDecision decision, DecisionOutcome outcome) =>
        database.InTransactionAsync<long?>(null, async tx =>
        {
            var decided = outcome.Contract ?? throw new ArgumentException("Only an accepted decision is recorded.", nameof(outcome));
            if (await contracts.RecordDecisionAsync(decision, decided, tx) is not { } id)
            {
                return null;
            }
            var recorded = decision with { Id = id };
            var answered = RenewalDecisionSignals.AnsweredBy(decision.Decision);
            var open = await signals.ReadUnresolvedBySubjectAsync(SignalSubjects.Contract, decided.Id, tx);
            await signals.ResolveCauseGoneAsync([.. open.Where(s => answered.Contains(s.Kind))], RenewalDecisionSignals.ResolutionNote(recorded), tx);
            if (outcome.MissedDeadline is { } deadline && RenewalDecisionSignals.ForLateDecision(decided, recorded, deadline) is { } late)
            {
                // A run that owns no kinds: it raises (and mails) the late decision and closes nothing else.
                var run = writer.BeginRun([]);
                await run.RaiseAsync(late, tx);
                await run.CompleteAsync(tx);
            }
            return id;
        });
}
