namespace ContractRegie.Core.Contracts;

/// <summary>
/// The dates the tactisch inkoper steers on. Always computed from the contract, never stored.
/// </summary>
/// <param name="CurrentEnd">Initial end plus every exercised extension.</param>
/// <param name="MaximumEnd">Initial end plus every extension option.</param>
/// <param name="DecisionDeadline">Last day to communicate the extension decision; null when no option remains or the decision is taken.</param>
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
}
