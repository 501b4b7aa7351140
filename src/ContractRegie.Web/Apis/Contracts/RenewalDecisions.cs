using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;

namespace ContractRegie.Web.Apis.Contracts;

/// <summary>What became of a renewal decision: recorded, or why not.</summary>
public abstract record RenewalDecisionOutcome
{
    public sealed record Recorded(RenewalDecision Decision, Contract Contract) : RenewalDecisionOutcome;
    public sealed record Invalid(ValidationErrors Errors) : RenewalDecisionOutcome;
    public sealed record ContractNotFound : RenewalDecisionOutcome;
    public sealed record Refused(string Reason) : RenewalDecisionOutcome;
}

/// <summary>
/// A renewal decision from the API or the contract page alike: checks the input, lets <see cref="KeyDateRules.Decide"/>
/// apply it, and has <see cref="RenewalDecisionRecorder"/> store it with its consequences. Who decided is the signed-in
/// user and when is today: neither is input.
/// </summary>
public sealed class RenewalDecisions(ContractRepository contracts, RenewalDecisionRecorder recorder, ICurrentActor actor, TimeProvider time)
{
    public async Task<RenewalDecisionOutcome> RecordAsync(long contractId, RenewalDecisionInput input)
    {
        var errors = new ValidationErrors();
        var today = time.Today();
        var proposed = new RenewalDecision
        {
            ContractId = contractId,
            Decision = Required.Value(input.Decision, "decision", errors),
            DecidedOn = today,
            DecidedBy = actor.Name,
            DecidingBody = input.DecidingBody,
            Reason = input.Reason?.Trim() ?? "",
            LateJustification = string.IsNullOrWhiteSpace(input.LateJustification) ? null : input.LateJustification.Trim(),
        };
        errors.Merge(proposed.Validate());
        if (!errors.IsEmpty)
        {
            return new RenewalDecisionOutcome.Invalid(errors);
        }
        if (await contracts.ReadByIdAsync(contractId) is not { } contract)
        {
            return new RenewalDecisionOutcome.ContractNotFound();
        }
        var outcome = KeyDateRules.Decide(contract, proposed.Decision, today, proposed.LateJustification);
        if (outcome.Error is { } error)
        {
            return new RenewalDecisionOutcome.Refused(error);
        }
        // Only a late extension keeps its justification; the option it exercises follows from the contract.
        var decision = proposed with
        {
            ExercisedOptionSequence = outcome.ExercisedOptionSequence,
            LateJustification = outcome.Late ? proposed.LateJustification : null,
        };
        if (await recorder.RecordAsync(decision, outcome) is not { } decisionId)
        {
            return new RenewalDecisionOutcome.Refused("Deze optie is zojuist al door iemand anders gelicht.");
        }
        return new RenewalDecisionOutcome.Recorded(decision with { Id = decisionId }, (await contracts.ReadByIdAsync(contractId))!);
    }
}
