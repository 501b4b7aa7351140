using ContractRegie.Core.Common;

namespace ContractRegie.Core.Contracts;

/// <summary>The most that may be spent on a contract in one year for one municipality.</summary>
public sealed record BudgetCeiling : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    /// <summary>When the row last changed (UTC), its own fields or what is written with it; for incremental reads.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    public long ContractId { get; init; }
    public required int Year { get; init; }
    public required string MunicipalityCode { get; init; }
    public required long AmountCents { get; init; }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(Year is < 2000 or > 2100, "year", "Jaar moet tussen 2000 en 2100 liggen.");
        errors.AddIf(!Identifiers.IsMunicipalityCode(MunicipalityCode), "municipalityCode", "Geen CBS-gemeentecode van 4 cijfers.");
        errors.AddIf(AmountCents < 0, "amountCents", "Budget kan niet negatief zijn.");
        errors.AddIf(!Money.IsInRange(AmountCents), "amountCents", Money.OutOfRangeMessage);
        return errors;
    }
}
