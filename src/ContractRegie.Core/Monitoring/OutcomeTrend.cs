using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Monitoring;

/// <summary>How the latest measurement moved against the one before, seen from the norm's direction.</summary>
public enum Trend { Better, Same, Worse }

/// <summary>An agreement's latest result against its norm, and its trend over the period before.</summary>
public sealed record OutcomeResult(OutcomeAgreement Agreement, OutcomeMeasurement? Latest, OutcomeMeasurement? Previous)
{
    public bool BelowNorm => Latest is { } latest && OutcomeMonitoringRules.IsBelowNorm(Agreement, latest.Value);

    /// <summary>Null until there are two periods to compare.</summary>
    public Trend? Trend => (Latest, Previous) switch
    {
        ({ } latest, { } previous) when latest.Value == previous.Value => Monitoring.Trend.Same,
        ({ } latest, { } previous) => (latest.Value > previous.Value) == (Agreement.Direction == NormDirection.AtLeast)
            ? Monitoring.Trend.Better
            : Monitoring.Trend.Worse,
        _ => null,
    };

    /// <summary>The result of each agreement from a contract's measurements: the last two periods of its indicator.</summary>
    public static IReadOnlyList<OutcomeResult> Of(IEnumerable<OutcomeAgreement> agreements, IReadOnlyList<OutcomeMeasurement> measurements) =>
        agreements.Select(agreement =>
        {
            var latestTwo = measurements
                .Where(m => m.Indicator == agreement.Indicator)
                .OrderByDescending(m => ReportingPeriod.Parse(m.Period).End)
                .ThenByDescending(m => m.ReportedOn)
                .Take(2)
                .ToList();
            return new OutcomeResult(agreement, latestTwo.ElementAtOrDefault(0), latestTwo.ElementAtOrDefault(1));
        }).ToList();
}
