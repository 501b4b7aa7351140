namespace ContractRegie.Core.Contracts;

/// <summary>What was decided about the contract's next term, by whom and why. Decisions are kept as history.</summary>
public sealed record RenewalDecision
{
    public long Id { get; init; }
    public long ContractId { get; init; }
    public required RenewalDecisionKind Decision { get; init; }
    public required DateOnly DecidedOn { get; init; }
    public required string DecidedBy { get; init; }
    public required string Reason { get; init; }
    /// <summary>For <see cref="RenewalDecisionKind.Verlengen"/>: the option that was exercised.</summary>
    public int? ExercisedOptionSequence { get; init; }
}
