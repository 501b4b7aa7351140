using ContractRegie.Core.Common;

namespace ContractRegie.Core.Contracts;

/// <summary>A contracted price: product category and code as in iWmo/iJw, price per unit in cents.</summary>
public sealed record TariffLine : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    public long ContractId { get; init; }
    public required string ProductCategory { get; init; }
    public required string ProductCode { get; init; }
    public required TariffUnit Unit { get; init; }
    public required long PriceCents { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    /// <summary>Yearly indexation in percent (e.g. 3.25), applied by the municipality each January.</summary>
    public decimal IndexationPercent { get; init; }

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(ProductCategory), "productCategory", "Productcategorie is verplicht.");
        errors.AddIf(string.IsNullOrWhiteSpace(ProductCode), "productCode", "Productcode is verplicht.");
        errors.AddIf(PriceCents < 0, "priceCents", "Tarief mag niet negatief zijn.");
        errors.AddIf(!Money.IsInRange(PriceCents), "priceCents", Money.OutOfRangeMessage);
        errors.AddIf(ValidTo < ValidFrom, "validTo", "Geldig tot ligt voor geldig van.");
        errors.AddIf(IndexationPercent is < -100m or > 100m, "indexationPercent", "Indexatie moet tussen -100 en 100 procent liggen.");
        return errors;
    }
}
