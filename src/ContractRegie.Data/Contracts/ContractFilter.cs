using ContractRegie.Core.Contracts;

namespace ContractRegie.Data.Contracts;

/// <summary>
/// What a contract list can be narrowed by. The status and date filters apply to the status on today and the key dates as Core
/// computes them, which every write keeps on the contract row.
/// </summary>
public sealed record ContractFilter
{
    public ContractKind? Kind { get; init; }
    public Law? Law { get; init; }
    public ContractStatus? Status { get; init; }
    public long? ProviderId { get; init; }
    public string? ContractManager { get; init; }
    public string? TactischInkoper { get; init; }
    public ProcurementRoute? ProcurementRoute { get; init; }
    /// <summary>CBS code of a participating municipality.</summary>
    public string? MunicipalityCode { get; init; }
    public string? Text { get; init; }
    /// <summary>Leaves out contracts that ended by a decision (<see cref="ContractStatus.Beeindigd"/>): nothing left to plan.</summary>
    public bool WithoutEnded { get; init; }
    /// <summary>Contracts whose extension decision is due before this date.</summary>
    public DateOnly? DecisionDueBefore { get; init; }
    /// <summary>Contracts whose current end lies before this date.</summary>
    public DateOnly? EndsBefore { get; init; }
    /// <summary>Contracts changed at or after this instant, their options, municipalities and decisions included.</summary>
    public DateTimeOffset? UpdatedSince { get; init; }
}

/// <summary>How a contract list is ordered; <see cref="NextDeadline"/> is the sooner of the decision and procurement-start deadlines.</summary>
public enum ContractOrder { Number, Provider, CurrentEnd, DecisionDeadline, ProcurementStart, NextDeadline, Status }
