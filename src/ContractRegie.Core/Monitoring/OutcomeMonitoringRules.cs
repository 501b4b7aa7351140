using System.Globalization;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Monitoring;

/// <summary>
/// The daily outcome check of one contract: the latest measurement of each agreed indicator against its norm, and
/// the most recent period whose report is overdue. Measurements in, signals out.
/// </summary>
public static class OutcomeMonitoringRules
{
    /// <summary>Providers report within a month after a period ends unless configured otherwise.</summary>
    public const int DefaultGraceMonths = 1;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static IReadOnlyList<SignalDraft> Evaluate(
        Contract contract, IReadOnlyList<OutcomeAgreement> agreements, IReadOnlyList<OutcomeMeasurement> measurements, DateOnly today, int graceMonths)
    {
        if (contract.Status is ContractStatus.Concept or ContractStatus.Beeindigd)
        {
            return [];
        }
        var signals = new List<SignalDraft>();
        foreach (var agreement in agreements)
        {
            var reported = measurements
                .Where(m => m.Indicator == agreement.Indicator)
                .Select(m => (Measurement: m, Period: ReportingPeriod.Parse(m.Period)))
                .ToList();
            var latest = reported.OrderByDescending(r => r.Period.End).ThenByDescending(r => r.Measurement.ReportedOn).Select(r => r.Measurement).FirstOrDefault();
            if (latest is not null && IsBelowNorm(agreement, latest.Value))
            {
                signals.Add(new SignalDraft(SignalKind.OutcomeBelowNorm, SignalSeverity.Warning, "contract", contract.Id,
                    $"{agreement.Indicator} van {contract.ContractNumber} haalt de norm niet ({latest.Period})",
                    $"Gemeten over {latest.Period}: {Number(latest.Value)} {agreement.Unit}; afgesproken {NormText(agreement)}"
                    + (agreement.Tolerance > 0 ? $", met een marge van {Number(agreement.Tolerance)} {agreement.Unit}." : ".")
                    + (latest.Source is { Length: > 0 } source ? $" Bron: {source}." : ""),
                    $"OutcomeBelowNorm:{agreement.Id}:{latest.Period}", 0, contract.ContractManager));
            }
            var overdue = ReportingPeriod.LastOverdue(agreement.Frequency, today, graceMonths);
            var delivering = overdue.End >= contract.StartDate && overdue.Start <= contract.KeyDates.CurrentEnd;
            if (delivering && !reported.Any(r => r.Period == overdue))
            {
                signals.Add(new SignalDraft(SignalKind.OutcomeReportMissing, SignalSeverity.Warning, "contract", contract.Id,
                    $"Rapportage {agreement.Indicator} over {overdue.Label} ontbreekt voor {contract.ContractNumber}",
                    $"De aanbieder moest uiterlijk {overdue.DueOn(graceMonths).ToString("dd-MM-yyyy", Dutch)} rapporteren over "
                    + $"{overdue.Label} ({overdue.Start.ToString("dd-MM-yyyy", Dutch)} t/m {overdue.End.ToString("dd-MM-yyyy", Dutch)}); er is niets ontvangen.",
                    $"OutcomeReportMissing:{agreement.Id}:{overdue.Label}", 0, contract.ContractManager));
            }
        }
        return signals;
    }

    /// <summary>Below norm once the value is past the norm by more than the tolerance, in the agreed direction.</summary>
    public static bool IsBelowNorm(OutcomeAgreement agreement, decimal value) => agreement.Direction switch
    {
        NormDirection.AtLeast => value < agreement.Norm - agreement.Tolerance,
        _ => value > agreement.Norm + agreement.Tolerance,
    };

    private static string NormText(OutcomeAgreement agreement) =>
        (agreement.Direction == NormDirection.AtLeast ? "minstens " : "hoogstens ") + Number(agreement.Norm) + " " + agreement.Unit;

    private static string Number(decimal value) => value.ToString("0.##", Dutch);
}
