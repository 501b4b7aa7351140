using ContractRegie.Core.Common;

namespace ContractRegie.Core.Contracts;

public sealed record Contract : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    /// <summary>When the row last changed (UTC), its own fields or what is written with it; for incremental reads.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    public required string ContractNumber { get; init; }
    public required string Title { get; init; }
    public required long ProviderId { get; init; }
    public required ContractKind Kind { get; init; }
    public required Law Law { get; init; }
    public required ProcurementRoute ProcurementRoute { get; init; }
    /// <summary>CBS codes of the participating municipalities.</summary>
    public IReadOnlyList<string> Municipalities { get; init; } = [];
    public required DateOnly StartDate { get; init; }
    public required DateOnly InitialEndDate { get; init; }
    public IReadOnlyList<ExtensionOption> ExtensionOptions { get; init; } = [];
    /// <summary>How long before the current end the decision about extension must be communicated.</summary>
    public int NoticePeriodMonths { get; init; }
    /// <summary>How long a new procurement takes for this route.</summary>
    public int ProcurementLeadTimeMonths { get; init; }
    public string? ContractOwner { get; init; }
    public string? ContractManager { get; init; }
    public string? TactischInkoper { get; init; }
    public ContractStatus Status { get; init; } = ContractStatus.Concept;
    /// <summary>The provider's name, read with the contract for display; not written.</summary>
    public string? ProviderName { get; init; }
    /// <summary>The most recent renewal decision, if any; read from the decision history.</summary>
    public RenewalDecisionKind? LatestDecision { get; init; }

    public KeyDates KeyDates => KeyDateRules.For(this);

    /// <summary>What deserves a second look but is allowed, e.g. a framework term past the legal four years.</summary>
    public IReadOnlyList<string> Warnings => FrameworkTerm.Warning(this) is { } warning ? [warning] : [];

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(ContractNumber), "contractNumber", "Contractnummer is verplicht.");
        TextRules.Name(errors, "contractNumber", ContractNumber, 50);
        errors.AddIf(string.IsNullOrWhiteSpace(Title), "title", "Omschrijving is verplicht.");
        TextRules.Name(errors, "title", Title, 300);
        TextRules.Name(errors, "contractOwner", ContractOwner, 100);
        TextRules.Name(errors, "contractManager", ContractManager, 100);
        TextRules.Name(errors, "tactischInkoper", TactischInkoper, 100);
        errors.AddIf(ProviderId <= 0, "providerId", "Zorgaanbieder is verplicht.");
        errors.AddIf(InitialEndDate < StartDate, "initialEndDate", "Einddatum ligt voor de startdatum.");
        errors.AddIf(NoticePeriodMonths is < 0 or > 60, "noticePeriodMonths", "Opzegtermijn moet tussen 0 en 60 maanden liggen.");
        errors.AddIf(ProcurementLeadTimeMonths is < 0 or > 60, "procurementLeadTimeMonths", "Doorlooptijd aanbesteding moet tussen 0 en 60 maanden liggen.");
        errors.AddIf(Municipalities.Count == 0, "municipalities", "Minstens één deelnemende gemeente is verplicht.");
        foreach (var code in Municipalities.Where(c => !Identifiers.IsMunicipalityCode(c)))
        {
            errors.Add("municipalities", $"'{code}' is geen CBS-gemeentecode van 4 cijfers.");
        }
        errors.AddIf(Municipalities.Distinct().Count() != Municipalities.Count, "municipalities", "Een gemeente staat er dubbel in.");
        ValidateOptions(errors);
        return errors;
    }

    /// <summary>
    /// This contract as the replacement of <paramref name="stored"/>. Options are exercised only by a renewal decision, so
    /// the stored exercised options stay as they are and the options after them follow this contract, not exercised.
    /// </summary>
    public Contract Replacing(Contract stored)
    {
        var exercised = stored.ExtensionOptions.Where(o => o.Exercised).ToList();
        var open = ExtensionOptions.Skip(exercised.Count).Select(o => o with { Exercised = false });
        return this with { ExtensionOptions = [.. exercised, .. open] };
    }

    private void ValidateOptions(ValidationErrors errors)
    {
        for (var i = 0; i < ExtensionOptions.Count; i++)
        {
            var option = ExtensionOptions[i];
            errors.AddIf(option.Sequence != i + 1, $"extensionOptions[{i}].sequence", "Opties moeten op volgorde genummerd zijn vanaf 1.");
            errors.AddIf(option.DurationMonths is < 1 or > 120, $"extensionOptions[{i}].durationMonths", "Duur moet tussen 1 en 120 maanden liggen.");
            errors.AddIf(option.Exercised && i > 0 && !ExtensionOptions[i - 1].Exercised,
                $"extensionOptions[{i}].exercised", "Een optie kan pas gelicht zijn als de vorige optie gelicht is.");
        }
    }
}
