using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
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
/// Records a renewal decision for the API and the contract page alike: checks the input, lets
/// <see cref="KeyDateRules.Decide"/> apply it and stores it (audited by the repository, as the signed-in user).
/// </summary>
public sealed class RenewalDecisionRecorder(ContractRepository contracts, TimeProvider time)
{
    public async Task<RenewalDecisionOutcome> RecordAsync(long contractId, RenewalDecisionInput input)
    {
        var errors = new ValidationErrors();
        var kind = Required.Value(input.Decision, "decision", errors);
        errors.AddIf(string.IsNullOrWhiteSpace(input.DecidedBy), "decidedBy", "Wie besloot is verplicht.");
        errors.AddIf(string.IsNullOrWhiteSpace(input.Reason), "reason", "Een motivering is verplicht.");
        errors.AddIf(input.Reason?.Length > 2000, "reason", "Motivering is langer dan 2000 tekens.");
        if (!errors.IsEmpty)
        {
            return new RenewalDecisionOutcome.Invalid(errors);
        }
        if (await contracts.ReadByIdAsync(contractId) is not { } contract)
        {
            return new RenewalDecisionOutcome.ContractNotFound();
        }
        var today = time.Today();
        var outcome = KeyDateRules.Decide(contract, kind, today);
        if (outcome.Error is { } error)
        {
            return new RenewalDecisionOutcome.Refused(error);
        }
        var decision = new RenewalDecision
        {
            ContractId = contractId,
            Decision = kind,
            DecidedOn = input.DecidedOn ?? today,
            DecidedBy = input.DecidedBy!.Trim(),
            Reason = input.Reason!.Trim(),
            ExercisedOptionSequence = outcome.ExercisedOptionSequence,
        };
        if (await contracts.RecordDecisionAsync(decision, outcome.Contract!) is not { } decisionId)
        {
            return new RenewalDecisionOutcome.Refused("Deze optie is zojuist al door iemand anders gelicht.");
        }
        return new RenewalDecisionOutcome.Recorded(decision with { Id = decisionId }, (await contracts.ReadByIdAsync(contractId))!);
    }
}
