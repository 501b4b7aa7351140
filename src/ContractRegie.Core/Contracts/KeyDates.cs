namespace ContractRegie.Core.Contracts;

/// <summary>Which term sets the decision deadline: the notice period, or the time a new procurement takes.</summary>
public enum DecisionDeadlineBasis { NoticePeriod, ProcurementLeadTime }

public static class DecisionDeadlineBasisText
{
    /// <summary>In Dutch, for signals and pages: "de opzegtermijn (3 maanden)" or "de doorlooptijd van de aanbesteding (9 maanden)".</summary>
    public static string Describe(this DecisionDeadlineBasis basis, Contract contract) => basis == DecisionDeadlineBasis.ProcurementLeadTime
        ? $"de doorlooptijd van de aanbesteding ({contract.ProcurementLeadTimeMonths} maanden)"
        : $"de opzegtermijn ({contract.NoticePeriodMonths} maanden)";
}

/// <summary>
/// The dates the tactisch inkoper steers on. Always computed from the contract, never stored.
/// </summary>
/// <param name="CurrentEnd">Initial end plus every exercised extension.</param>
/// <param name="MaximumEnd">Initial end plus every extension option.</param>
/// <param name="DecisionDeadline">Last day to decide about extension; null when no option remains or the decision is taken.</param>
/// <param name="ProcurementStartDeadline">Last day to start a new procurement; null when the contract is ended or converted.</param>
/// <param name="NextOption">The option a "verlengen" decision would exercise.</param>
public sealed record KeyDates(
    DateOnly CurrentEnd,
    DateOnly MaximumEnd,
    DateOnly? DecisionDeadline,
    DateOnly? ProcurementStartDeadline,
    ExtensionOption? NextOption)
{
    public int RemainingOptions { get; init; }

    /// <summary>What set <see cref="DecisionDeadline"/> (the earlier of the two); null when there is no deadline.</summary>
    public DecisionDeadlineBasis? DecisionDeadlineSetBy { get; init; }
}
