using ContractRegie.Core.Common;

namespace ContractRegie.Core.Contracts;

/// <summary>A contracted price: product category and code as in iWmo/iJw, price per unit in cents.</summary>
public sealed record TariffLine : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    /// <summary>When the row last changed (UTC), its own fields or what is written with it; for incremental reads.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
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

    public bool IsSameProduct(TariffLine other) =>
        ContractId == other.ContractId && ProductCategory == other.ProductCategory && ProductCode == other.ProductCode;

    /// <summary>Whether the two lines are for the same contract and product and share at least one day.</summary>
    public bool Overlaps(TariffLine other) =>
        IsSameProduct(other) && ValidFrom <= (other.ValidTo ?? DateOnly.MaxValue) && other.ValidFrom <= (ValidTo ?? DateOnly.MaxValue);

    /// <summary>
    /// The price per unit in <paramref name="year"/>, in cents. The rule: in its valid-from year a line costs its
    /// <see cref="PriceCents"/>; each calendar year after that the previous year's price is raised by
    /// <see cref="IndexationPercent"/> and rounded to whole cents (half away from zero), as the municipality publishes
    /// its indexed tariff list every January. A year before the valid-from year has the base price. A new tariff line
    /// for a year overrides the indexation, because lines of one product never overlap. The price never exceeds
    /// <see cref="Money.MaxCents"/>, so no indexation over centuries can overflow.
    /// </summary>
    public long PriceCentsIn(int year)
    {
        var price = PriceCents;
        for (var y = ValidFrom.Year + 1; y <= year && price is > 0 and < Money.MaxCents; y++)
        {
            price = Math.Min(Money.MaxCents, Money.FromEuros(Money.ToEuros(price) * (1m + IndexationPercent / 100m)));
        }
        return price;
    }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        // iWmo/iJw codes are 2 digits and 5 characters; Participatiewet products have local codes, so the rule is the columns' width.
        errors.AddIf(!IsCode(ProductCategory), "productCategory", "Productcategorie bestaat uit 2 tot 10 letters en cijfers (iWmo/iJw: 2 cijfers).");
        errors.AddIf(!IsCode(ProductCode), "productCode", "Productcode bestaat uit 2 tot 10 letters en cijfers (iWmo/iJw: 5 tekens).");
        errors.AddIf(PriceCents < 0, "priceCents", "Tarief mag niet negatief zijn.");
        errors.AddIf(!Money.IsInRange(PriceCents), "priceCents", Money.OutOfRangeMessage);
        errors.AddIf(ValidTo < ValidFrom, "validTo", "Geldig tot ligt voor geldig van.");
        errors.AddIf(IndexationPercent is < -100m or > 100m, "indexationPercent", "Indexatie moet tussen -100 en 100 procent liggen.");
        return errors;
    }

    private static bool IsCode(string value) => value is { Length: >= 2 and <= 10 } && value.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// <see cref="Validate()"/>, and no overlap with the contract's other lines for the product (<paramref name="stored"/>
    /// may hold this line itself, by id, which it replaces). Two lines valid on one day would leave the price open.
    /// </summary>
    public ValidationErrors Validate(IEnumerable<TariffLine> stored)
    {
        var errors = Validate();
        foreach (var other in stored.Where(t => (Id == 0 || t.Id != Id) && Overlaps(t)))
        {
            errors.Add("validFrom",
                $"Overlapt met het tarief voor {other.ProductCategory}/{other.ProductCode} dat geldt van {DutchFormat.Date(other.ValidFrom)}"
                + (other.ValidTo is { } to ? $" tot en met {DutchFormat.Date(to)}" : "") + "; tarieven van één product mogen elkaar niet overlappen.");
        }
        return errors;
    }
}
