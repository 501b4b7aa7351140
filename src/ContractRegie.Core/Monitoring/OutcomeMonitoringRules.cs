using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Monitoring;

/// <summary>
/// The daily outcome check of one contract: the latest measurement of each agreed indicator against its norm, and
/// every period of the contract's term whose report is overdue. Measurements in, signals out.
/// </summary>
public static class OutcomeMonitoringRules
{
    /// <summary>Providers report within a month after a period ends unless configured otherwise.</summary>
    public const int DefaultGraceMonths = 1;

    /// <summary>
    /// How far back missing reports are looked for (<see cref="ReportingCalendar"/>): reports due in the last twelve
    /// months, four quarters, two half years or one year.
    /// </summary>
    public const int DefaultLookBackMonths = 12;

    public static IReadOnlyList<SignalDraft> Evaluate(
        Contract contract, IReadOnlyList<OutcomeAgreement> agreements, IReadOnlyList<OutcomeMeasurement> measurements, ReportingCalendar calendar)
    {
        if (contract.Status is ContractStatus.Concept or ContractStatus.Beeindigd)
        {
            return [];
        }
        var signals = new List<SignalDraft>();
        var latestPerIndicator = OutcomeMeasurement.LatestPerIndicator(measurements);
        var perIndicator = measurements.ToLookup(m => m.Indicator, StringComparer.Ordinal);
        foreach (var agreement in agreements)
        {
            var reported = perIndicator[agreement.Indicator]
                .Select(m => ReportingPeriod.Parse(m.Period))
                .ToHashSet();
            if (latestPerIndicator.GetValueOrDefault(agreement.Indicator) is { } latest && IsBelowNorm(agreement, latest.Value))
            {
                signals.Add(new SignalDraft(SignalKind.OutcomeBelowNorm, SignalSeverity.Warning, SignalSubjects.Contract, contract.Id,
                    $"{agreement.Indicator} van {contract.ContractNumber} haalt de norm niet ({latest.Period})",
                    $"Gemeten over {latest.Period}: {DutchFormat.Number(latest.Value)} {agreement.Unit}; afgesproken {NormText(agreement)}"
                    + (agreement.Tolerance > 0 ? $", met een marge van {DutchFormat.Number(agreement.Tolerance)} {agreement.Unit}." : ".")
                    + (latest.Source is { Length: > 0 } source ? $" Bron: {source}." : ""),
                    DedupeKeys.OutcomeBelowNorm(agreement.Id, latest.Period), 0, contract.ContractManager));
            }
            var missing = OverduePeriods(contract, agreement.Frequency, calendar).Where(p => !reported.Contains(p)).ToList();
            if (missing.Count > 0)
            {
                signals.Add(MissingReports(contract, agreement, missing, calendar.GraceMonths));
            }
        }
        return signals;
    }

    /// <summary>
    /// Every period of <paramref name="frequency"/> within the contract's term (start to current end) whose report had
    /// fallen due by the calendar's day, within its look-back, oldest first.
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> OverduePeriods(Contract contract, ReportingFrequency frequency, ReportingCalendar calendar) =>
        [.. calendar.DuePeriods(frequency).Where(period => period.End >= contract.StartDate && period.Start <= contract.KeyDates.CurrentEnd)];

    /// <summary>
    /// One signal per agreement naming every missing period, under one key so it is updated as periods go missing or
    /// come in. Its stage is the end of the latest missing period as yyyymm: a report that goes missing later is news
    /// again (and reopens a signal resolved when everything had come in), an earlier one coming in is not.
    /// </summary>
    private static SignalDraft MissingReports(Contract contract, OutcomeAgreement agreement, IReadOnlyList<ReportingPeriod> missing, int graceMonths)
    {
        var latest = missing[^1];
        var title = missing.Count == 1
            ? $"Rapportage {agreement.Indicator} over {latest.Label} ontbreekt voor {contract.ContractNumber}"
            : $"Rapportages {agreement.Indicator} over {missing.Count} perioden ontbreken voor {contract.ContractNumber}";
        var periods = string.Join(", ", missing.Select(p => $"{p.Label} (uiterlijk {DutchFormat.Date(p.DueOn(graceMonths))})"));
        return new SignalDraft(SignalKind.OutcomeReportMissing, SignalSeverity.Warning, SignalSubjects.Contract, contract.Id, title,
            $"Er is niets ontvangen over: {periods}.", DedupeKeys.OutcomeReportMissing(agreement.Id), latest.End.Year * 100 + latest.End.Month,
            contract.ContractManager);
    }

    /// <summary>Below norm once the value is past the norm by more than the tolerance, in the agreed direction.</summary>
    public static bool IsBelowNorm(OutcomeAgreement agreement, decimal value) => agreement.Direction switch
    {
        NormDirection.AtLeast => value < agreement.Norm - agreement.Tolerance,
        _ => value > agreement.Norm + agreement.Tolerance,
    };

    private static string NormText(OutcomeAgreement agreement) =>
        (agreement.Direction == NormDirection.AtLeast ? "minstens " : "hoogstens ") + DutchFormat.Number(agreement.Norm) + " " + agreement.Unit;

}
