using ContractRegie.Core.Common;

namespace ContractRegie.Core.Contracts;

/// <summary>The administrative body that took a renewal decision.</summary>
public enum DecidingBody { College, Wethouder, GemandateerdManager }

/// <summary>What was decided about the contract's next term, by whom and why. Decisions are kept as history.</summary>
public sealed record RenewalDecision
{
    public long Id { get; init; }
    public long ContractId { get; init; }
    public required RenewalDecisionKind Decision { get; init; }
    /// <summary>The day it was recorded; never chosen by the client.</summary>
    public required DateOnly DecidedOn { get; init; }
    /// <summary>The signed-in user who recorded it.</summary>
    public required string DecidedBy { get; init; }
    public DecidingBody? DecidingBody { get; init; }
    public required string Reason { get; init; }
    /// <summary>For <see cref="RenewalDecisionKind.Verlengen"/>: the option that was exercised.</summary>
    public int? ExercisedOptionSequence { get; init; }
    /// <summary>Why an extension was decided after the decision deadline; set only on such a late decision.</summary>
    public string? LateJustification { get; init; }

    public bool Late => LateJustification is not null;

    /// <summary>The texts as recorded: a motivation is required, and neither is longer than 2000 characters.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(Reason), "reason", "Een motivering is verplicht.");
        TextRules.Text(errors, "reason", Reason, 2000);
        TextRules.Text(errors, "lateJustification", LateJustification, 2000);
        return errors;
    }
}
