using ContractRegie.Core.Common;

namespace ContractRegie.Core.Contracts;

/// <summary>A prestatie- of resultaatafspraak: the norm an indicator must meet, with tolerance.</summary>
public sealed record OutcomeAgreement : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    /// <summary>When the row last changed (UTC), its own fields or what is written with it; for incremental reads.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    public long ContractId { get; init; }
    public required string Indicator { get; init; }
    public required decimal Norm { get; init; }
    public required NormDirection Direction { get; init; }
    public required string Unit { get; init; }
    public required ReportingFrequency Frequency { get; init; }
    public decimal Tolerance { get; init; }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(Indicator.Length is 0, "indicator", "Indicator is verplicht.");
        TextRules.Name(errors, "indicator", Indicator, 100);
        errors.AddIf(Unit.Length is 0, "unit", "Eenheid is verplicht.");
        TextRules.Name(errors, "unit", Unit, 20);
        errors.AddIf(Tolerance < 0, "tolerance", "Tolerantie kan niet negatief zijn.");
        return errors;
    }

    /// <summary>The agreements the municipality offers by default: the national outcome criteria for youth care and common KPIs.</summary>
    public static IReadOnlyList<OutcomeAgreement> Defaults { get; } =
    [
        new() { Indicator = "Beëindigd volgens plan", Norm = 80m, Direction = NormDirection.AtLeast, Unit = "%", Frequency = ReportingFrequency.Halfjaar },
        new() { Indicator = "Cliënttevredenheid", Norm = 7.5m, Direction = NormDirection.AtLeast, Unit = "score", Frequency = ReportingFrequency.Jaar },
        new() { Indicator = "Doelrealisatie", Norm = 75m, Direction = NormDirection.AtLeast, Unit = "%", Frequency = ReportingFrequency.Halfjaar },
        new() { Indicator = "Wachttijd tot start zorg", Norm = 42m, Direction = NormDirection.AtMost, Unit = "dagen", Frequency = ReportingFrequency.Kwartaal },
        new() { Indicator = "Herhaald beroep binnen 12 maanden", Norm = 15m, Direction = NormDirection.AtMost, Unit = "%", Frequency = ReportingFrequency.Jaar },
        new() { Indicator = "Tijdige verantwoording", Norm = 95m, Direction = NormDirection.AtLeast, Unit = "%", Frequency = ReportingFrequency.Kwartaal },
    ];
}
