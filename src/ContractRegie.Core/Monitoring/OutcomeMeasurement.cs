using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Monitoring;

/// <summary>What a provider reported for one indicator of a contract over one period.</summary>
public sealed record OutcomeMeasurement : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    public long ContractId { get; init; }
    public required string Indicator { get; init; }
    /// <summary>The period's label, e.g. "2026-K1"; see <see cref="ReportingPeriod"/>.</summary>
    public required string Period { get; init; }
    public required decimal Value { get; init; }
    public required DateOnly ReportedOn { get; init; }
    /// <summary>Where the figure comes from, e.g. "jaarverslag 2025" or "CBS beleidsinformatie".</summary>
    public string? Source { get; init; }

    /// <summary>
    /// Per indicator the measurement that counts: the latest period, and of two reports over one period the later
    /// reported one (a correction). The job judges it against the norm and the contract page shows it.
    /// </summary>
    public static IReadOnlyDictionary<string, OutcomeMeasurement> LatestPerIndicator(IEnumerable<OutcomeMeasurement> measurements) =>
        measurements
            .Where(m => ReportingPeriod.TryParse(m.Period, out _))
            .GroupBy(m => m.Indicator, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(m => ReportingPeriod.Parse(m.Period).End).ThenByDescending(m => m.ReportedOn).First(),
                StringComparer.Ordinal);

    /// <summary>The fields as they can be on <paramref name="today"/>: a period that has not begun has nothing to measure.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(Indicator), "indicator", "Indicator is verplicht.");
        TextRules.Name(errors, "indicator", Indicator, 100);
        if (!ReportingPeriod.TryParse(Period, out var period))
        {
            errors.Add("period", "Periode moet een jaar (2026), halfjaar (2026-H1) of kwartaal (2026-K1) zijn.");
        }
        else
        {
            errors.AddIf(period.Start > today, "period", $"Periode {period.Label} is nog niet begonnen (start {DutchFormat.Date(period.Start)}).");
        }
        errors.AddIf(Math.Abs(Value) >= 100_000_000m, "value", "Waarde is te groot.");
        TextRules.Name(errors, "source", Source, 200);
        return errors;
    }

    /// <summary>
    /// A measurement belongs to one of the contract's outcome agreements, and its period is of that agreement's
    /// reporting frequency (a quarterly KPI is not reported per year).
    /// </summary>
    public ValidationErrors ValidateAgainst(IReadOnlyList<OutcomeAgreement> agreements, DateOnly today)
    {
        var errors = Validate(today);
        if (agreements.FirstOrDefault(a => a.Indicator == Indicator) is not { } agreement)
        {
            errors.AddIf(!string.IsNullOrWhiteSpace(Indicator), "indicator",
                $"Het contract heeft geen prestatieafspraak '{Indicator}'"
                + (agreements.Count == 0 ? "; leg eerst de afspraken vast." : $"; wel: {string.Join(", ", agreements.Select(a => a.Indicator))}."));
        }
        else if (ReportingPeriod.TryParse(Period, out var period) && period.Frequency != agreement.Frequency)
        {
            errors.Add("period", $"'{Indicator}' wordt per {agreement.Frequency.ToString().ToLowerInvariant()} gerapporteerd; {Period} is geen {agreement.Frequency.ToString().ToLowerInvariant()}.");
        }
        return errors;
    }
}
