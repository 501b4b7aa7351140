using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Monitoring;

public sealed class OutcomeMonitoringRulesTests
{
    private static readonly Contract Contract =
        AContract(start: D(2025, 1, 1), initialEnd: D(2027, 12, 31)) with { Id = 7, ContractManager = "a.bakker" };

    /// <summary>Waiting time at most 42 days, 3 days' tolerance, reported per quarter.</summary>
    private static readonly OutcomeAgreement WaitingTime = new()
    {
        Id = 31, ContractId = 7, Indicator = "Wachttijd tot start zorg", Norm = 42m, Direction = NormDirection.AtMost, Unit = "dagen",
        Frequency = ReportingFrequency.Kwartaal, Tolerance = 3m,
    };

    /// <summary>Ended as planned at least 80 %, no tolerance, per half year.</summary>
    private static readonly OutcomeAgreement EndedAsPlanned = new()
    {
        Id = 32, ContractId = 7, Indicator = "Beëindigd volgens plan", Norm = 80m, Direction = NormDirection.AtLeast, Unit = "%",
        Frequency = ReportingFrequency.Halfjaar,
    };

    private static OutcomeMeasurement Measured(OutcomeAgreement agreement, string period, decimal value, DateOnly? reportedOn = null) => new()
    {
        ContractId = 7, Indicator = agreement.Indicator, Period = period, Value = value, ReportedOn = reportedOn ?? D(2026, 10, 15),
    };

    private static IReadOnlyList<SignalDraft> Evaluate(IReadOnlyList<OutcomeAgreement> agreements, DateOnly today, params OutcomeMeasurement[] measured) =>
        OutcomeMonitoringRules.Evaluate(Contract, agreements, measured, today, graceMonths: 1);

    [Theory]
    [InlineData(42, false)]
    [InlineData(45, false)] // at the edge of the tolerance
    [InlineData(45.01, true)]
    public void At_most_is_below_norm_once_above_norm_plus_tolerance(decimal value, bool below) =>
        Assert.Equal(below, OutcomeMonitoringRules.IsBelowNorm(WaitingTime, value));

    [Theory]
    [InlineData(80, false)]
    [InlineData(79.99, true)]
    public void At_least_is_below_norm_under_the_norm(decimal value, bool below) =>
        Assert.Equal(below, OutcomeMonitoringRules.IsBelowNorm(EndedAsPlanned, value));

    [Fact]
    public void The_latest_measurement_counts_not_an_earlier_bad_one()
    {
        var signals = Evaluate([WaitingTime], D(2026, 11, 1), Measured(WaitingTime, "2026-K2", 60), Measured(WaitingTime, "2026-K3", 40));

        Assert.Empty(signals);
    }

    [Fact]
    public void A_latest_measurement_below_norm_raises_one_signal_keyed_on_agreement_and_period_for_the_contractmanager()
    {
        var signal = Assert.Single(Evaluate([WaitingTime], D(2026, 11, 1), Measured(WaitingTime, "2026-K3", 50)));

        Assert.Equal(SignalKind.OutcomeBelowNorm, signal.Kind);
        Assert.Equal("OutcomeBelowNorm:31:2026-K3", signal.DedupeKey);
        Assert.Equal(("contract", 7L, "a.bakker"), (signal.SubjectType, signal.SubjectId, signal.Recipient));
        Assert.Contains("50 dagen", signal.Facts);
        Assert.Contains("hoogstens 42 dagen", signal.Facts);
    }

    [Fact]
    public void A_period_past_its_due_date_without_a_report_is_missing_but_not_the_day_before()
    {
        // Q3 2026 ends 30 Sep and is due 31 Oct.
        Assert.DoesNotContain(Evaluate([WaitingTime], D(2026, 10, 31), Measured(WaitingTime, "2026-K2", 40)),
            s => s.Kind == SignalKind.OutcomeReportMissing && s.DedupeKey.EndsWith("2026-K3", StringComparison.Ordinal));

        var missing = Assert.Single(Evaluate([WaitingTime], D(2026, 11, 1), Measured(WaitingTime, "2026-K2", 40)));

        Assert.Equal(SignalKind.OutcomeReportMissing, missing.Kind);
        Assert.Equal("OutcomeReportMissing:31:2026-K3", missing.DedupeKey);
        Assert.Contains("31-10-2026", missing.Facts);
    }

    [Fact]
    public void Each_agreement_is_checked_on_its_own_frequency()
    {
        // On 1 Aug 2026: Q2 (due 31 Jul) and H1 (due 31 Jul) are both overdue.
        var signals = Evaluate([WaitingTime, EndedAsPlanned], D(2026, 8, 1), Measured(WaitingTime, "2026-K2", 30));

        var missing = Assert.Single(signals);
        Assert.Equal("OutcomeReportMissing:32:2026-H1", missing.DedupeKey);
    }

    [Fact]
    public void No_report_is_missing_for_a_period_before_the_contract_started()
    {
        var started = Contract with { StartDate = D(2026, 10, 1), InitialEndDate = D(2028, 9, 30) };

        Assert.Empty(OutcomeMonitoringRules.Evaluate(started, [WaitingTime], [], D(2026, 11, 1), graceMonths: 1));
    }

    [Theory]
    [InlineData(ContractStatus.Concept)]
    [InlineData(ContractStatus.Beeindigd)]
    public void Contracts_not_in_force_are_not_monitored(ContractStatus status) =>
        Assert.Empty(OutcomeMonitoringRules.Evaluate(Contract with { Status = status }, [WaitingTime], [], D(2026, 11, 1), graceMonths: 1));
}
