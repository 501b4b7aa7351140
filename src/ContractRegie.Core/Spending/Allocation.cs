using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Spending;

/// <summary>How often the allocated volume may be delivered (iWmo/iJw WMO757/JW757: 1 per dag, 2 per week, 4 per maand, 6 totaal).</summary>
public enum AllocationFrequency { PerDag, PerWeek, PerMaand, Totaal }

/// <summary>
/// A toewijzing (DESIGN.md "Allocation"): the municipality's decision that a client may receive a product from a
/// provider, for a period and, when it says so, up to a volume. The client is only the pseudonym; nothing else of the
/// 301 message about the client is kept.
/// </summary>
public sealed record Allocation
{
    public long Id { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string ProviderAgbCode { get; init; }
    public required Law Law { get; init; }
    public required string AllocationNumber { get; init; }
    public required string ClientPseudonym { get; init; }
    public required string ProductCategory { get; init; }
    /// <summary>Null when the allocation is for the whole category (the 301's Product/Code is optional).</summary>
    public string? ProductCode { get; init; }
    public required DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public decimal? Volume { get; init; }
    public SpendingUnit? Unit { get; init; }
    public AllocationFrequency? Frequency { get; init; }
    public long? BudgetCents { get; init; }

    public static AllocationFrequency? FrequencyFromCode(string code) => code switch
    {
        "1" => AllocationFrequency.PerDag,
        "2" => AllocationFrequency.PerWeek,
        "4" => AllocationFrequency.PerMaand,
        "6" => AllocationFrequency.Totaal,
        _ => null,
    };

    /// <summary>Whether this allocation lets <paramref name="line"/>'s provider deliver its product to its client for its whole period.</summary>
    public bool Covers(SpendingLine line) =>
        MunicipalityCode == line.MunicipalityCode && ProviderAgbCode == line.ProviderAgbCode && ClientPseudonym == line.ClientPseudonym
        && ProductCategory == line.ProductCategory && (ProductCode is null || ProductCode == line.ProductCode)
        && StartDate <= line.DeliveryStart && (EndDate is null || line.DeliveryEnd <= EndDate);

    /// <summary>
    /// The volume allowed from the start up to and including <paramref name="date"/> (never past the end): the allocated
    /// volume once for "totaal", else once per day, per started week or per calendar month touched. Null when the
    /// allocation has no volume (a budget or an unbounded product).
    /// </summary>
    public decimal? AllowedVolumeUpTo(DateOnly date)
    {
        if (Volume is not { } volume || Frequency is not { } frequency)
        {
            return null;
        }
        var last = EndDate is { } end && end < date ? end : date;
        var days = Math.Max(0, last.DayNumber - StartDate.DayNumber + 1);
        decimal periods = frequency switch
        {
            AllocationFrequency.PerDag => days,
            AllocationFrequency.PerWeek => (days + 6) / 7,
            AllocationFrequency.PerMaand => days == 0 ? 0 : (last.Year * 12 + last.Month) - (StartDate.Year * 12 + StartDate.Month) + 1,
            _ => 1,
        };
        return volume * periods;
    }
}
