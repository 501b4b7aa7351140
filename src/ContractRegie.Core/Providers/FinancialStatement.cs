using ContractRegie.Core.Common;

namespace ContractRegie.Core.Providers;

public enum AuditorOpinion { Goedkeurend, MetBeperking, Oordeelonthouding, Afkeurend }

/// <summary>A provider's jaarrekening for one financial year; amounts in euro cents.</summary>
public sealed record FinancialStatement : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    public long ProviderId { get; init; }
    public required int Year { get; init; }
    public required long RevenueCents { get; init; }
    public required long ResultCents { get; init; }
    public required long EquityCents { get; init; }
    public required long TotalAssetsCents { get; init; }
    public required long CurrentAssetsCents { get; init; }
    public required long CurrentLiabilitiesCents { get; init; }
    /// <summary>The part of the revenue that came from this municipality.</summary>
    public required long MunicipalRevenueCents { get; init; }
    public required AuditorOpinion AuditorOpinion { get; init; }
    /// <summary>The accountant or board doubts the provider can continue (continuïteitsparagraaf).</summary>
    public bool GoingConcernNote { get; init; }
    public DateOnly? FiledOn { get; init; }

    /// <summary>Jaarrekeningen are due on 1 June of the next year.</summary>
    public DateOnly DueOn => DueFor(Year);

    public static DateOnly DueFor(int year) => new(year + 1, 6, 1);

    /// <summary>
    /// The figures and dates as they can be on <paramref name="today"/>: a balance sheet that adds up (equity and
    /// short-term debt within the total assets), a year that has ended, and a filing date after the year and not in the future.
    /// </summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.AddIf(Year is < 2000 or > 2100, "year", "Boekjaar moet tussen 2000 en 2100 liggen.");
        errors.AddIf(RevenueCents < 0, "revenueCents", "Omzet kan niet negatief zijn.");
        errors.AddIf(TotalAssetsCents < 0, "totalAssetsCents", "Balanstotaal kan niet negatief zijn.");
        errors.AddIf(CurrentAssetsCents < 0, "currentAssetsCents", "Vlottende activa kunnen niet negatief zijn.");
        errors.AddIf(CurrentAssetsCents > TotalAssetsCents, "currentAssetsCents", "Vlottende activa zijn groter dan het balanstotaal.");
        errors.AddIf(EquityCents > TotalAssetsCents, "equityCents", "Eigen vermogen is groter dan het balanstotaal.");
        errors.AddIf(CurrentLiabilitiesCents < 0, "currentLiabilitiesCents", "Kortlopende schulden kunnen niet negatief zijn.");
        errors.AddIf(EquityCents <= TotalAssetsCents && CurrentLiabilitiesCents > TotalAssetsCents - EquityCents, "currentLiabilitiesCents",
            "Kortlopende schulden zijn groter dan het vreemd vermogen (balanstotaal min eigen vermogen).");
        errors.AddIf(Year >= today.Year, "year", $"Boekjaar {Year} is nog niet afgelopen.");
        errors.AddIf(MunicipalRevenueCents < 0, "municipalRevenueCents", "Omzet uit deze gemeente kan niet negatief zijn.");
        errors.AddIf(MunicipalRevenueCents > RevenueCents, "municipalRevenueCents", "Omzet uit deze gemeente is groter dan de totale omzet.");
        errors.AddIf(!Enum.IsDefined(AuditorOpinion), "auditorOpinion", "Onbekend soort accountantsverklaring.");
        errors.AddIf(FiledOn is { } filed && filed.Year <= Year, "filedOn", $"Ingediend vóór het einde van boekjaar {Year}.");
        errors.AddIf(FiledOn > today, "filedOn", "De indieningsdatum ligt in de toekomst.");
        foreach (var (field, cents) in new[]
        {
            ("revenueCents", RevenueCents), ("resultCents", ResultCents), ("equityCents", EquityCents), ("totalAssetsCents", TotalAssetsCents),
            ("currentAssetsCents", CurrentAssetsCents), ("currentLiabilitiesCents", CurrentLiabilitiesCents), ("municipalRevenueCents", MunicipalRevenueCents),
        })
        {
            errors.AddIf(!Money.IsInRange(cents), field, Money.OutOfRangeMessage);
        }
        return errors;
    }
}
