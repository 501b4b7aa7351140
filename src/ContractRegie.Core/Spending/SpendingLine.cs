using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Spending;

/// <summary>
/// One uitgave (DESIGN.md "Spending line"): what a provider delivered to a client of a municipality and what it
/// costs. <see cref="AmountCents"/> is never negative; <see cref="DebetCredit"/> gives the sign. The client is only
/// ever a pseudonym.
/// </summary>
public sealed record SpendingLine
{
    public required string ProviderAgbCode { get; init; }
    public required string MunicipalityCode { get; init; }
    public required Law Law { get; init; }
    public required string ProductCategory { get; init; }
    public required string ProductCode { get; init; }
    public required DateOnly DeliveryStart { get; init; }
    public required DateOnly DeliveryEnd { get; init; }
    public required decimal Volume { get; init; }
    public required SpendingUnit Unit { get; init; }
    public required long AmountCents { get; init; }
    public DebetCredit DebetCredit { get; init; } = DebetCredit.Debet;
    /// <summary>The declaratienummer or factuurnummer.</summary>
    public required string DeclarationNumber { get; init; }
    /// <summary>The provider's reference of the line (ProductReferentie), when it has one.</summary>
    public string? ProductReference { get; init; }
    public string? AllocationNumber { get; init; }
    public string? ClientPseudonym { get; init; }

    /// <summary>Plus for debet, minus for credit: what the line adds to spending.</summary>
    public long SignedAmountCents => DebetCredit == DebetCredit.Credit ? -AmountCents : AmountCents;
}
