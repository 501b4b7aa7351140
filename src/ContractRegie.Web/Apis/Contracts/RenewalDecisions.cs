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
        var kind = Required.Value(input.Decision, "decision", errors);
        errors.AddIf(string.IsNullOrWhiteSpace(input.Reason), "reason", "Een motivering is verplicht.");
        TextRules.Text(errors, "reason", input.Reason, 2000);
        TextRules.Text(errors, "lateJustification", input.LateJustification, 2000);
        if (!errors.IsEmpty)
        {
            return new RenewalDecisionOutcome.Invalid(errors);
        }
        if (await contracts.ReadByIdAsync(contractId) is not { } contract)
        {
            return new RenewalDecisionOutcome.ContractNotFound();
        }
        var today = time.Today();
        var outcome = KeyDateRules.Decide(contract, kind, today, input.LateJustification);
        if (outcome.Error is { } error)
        {
            return new RenewalDecisionOutcome.Refused(error);
        }
        var decision = new RenewalDecision
        {
            ContractId = contractId,
            Decision = kind,
            DecidedOn = today,
            DecidedBy = actor.Name,
            DecidingBody = input.DecidingBody,
            Reason = input.Reason!.Trim(),
            ExercisedOptionSequence = outcome.ExercisedOptionSequence,
            LateJustification = outcome.Late ? input.LateJustification!.Trim() : null,
        };
        if (await recorder.RecordAsync(decision, outcome) is not { } decisionId)
        {
            return new RenewalDecisionOutcome.Refused("Deze optie is zojuist al door iemand anders gelicht.");
        }
        return new RenewalDecisionOutcome.Recorded(decision with { Id = decisionId }, (await contracts.ReadByIdAsync(contractId))!);
    }
}
