namespace ContractRegie.Core.Contracts;

/// <summary>One optional extension of the term, in the order the contract lists them.</summary>
public sealed record ExtensionOption(int Sequence, int DurationMonths, bool Exercised);
