using ContractRegie.Core.Common;

namespace ContractRegie.Core.Providers;

/// <summary>A zorgaanbieder. <see cref="OzjtTop16"/>: OZJT does the contract management regionally.</summary>
public sealed record Provider : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    /// <summary>When the row last changed (UTC), its own fields or what is written with it; for incremental reads.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    public required string Name { get; init; }
    public required string KvkNumber { get; init; }
    public required string AgbCode { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContractManager { get; init; }
    public bool OzjtTop16 { get; init; }
    public bool Active { get; init; } = true;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(Name), "name", "Naam is verplicht.");
        TextRules.Name(errors, "name", Name, 200);
        TextRules.Name(errors, "street", Street, 200);
        TextRules.Name(errors, "postalCode", PostalCode, 10);
        TextRules.Name(errors, "city", City, 100);
        TextRules.Name(errors, "contactEmail", ContactEmail, 254);
        TextRules.Name(errors, "contractManager", ContractManager, 100);
        errors.AddIf(!Identifiers.IsKvkNumber(KvkNumber), "kvkNumber", "KvK-nummer moet uit 8 cijfers bestaan.");
        errors.AddIf(!Identifiers.IsAgbCode(AgbCode), "agbCode", "AGB-code moet uit 8 cijfers bestaan.");
        errors.AddIf(ContactEmail is { Length: > 0 } email && !email.Contains('@'), "contactEmail", "Geen geldig e-mailadres.");
        return errors;
    }
}
