using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Monitoring;

public sealed class OutcomeMonitoringRulesTests
{
    /// <summary>From 1 April 2026 (its first quarter is 2026-K2) to 31 Dec 2027.</summary>
    private static readonly Contract Contract =
        AContract(start: D(2026, 4, 1), initialEnd: D(2027, 12, 31)) with { Id = 7, ContractManager = "a.bakker" };

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
        OutcomeMonitoringRules.Evaluate(Contract, agreements, measured, new ReportingCalendar(today, graceMonths: 1));

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
        var signal = Assert.Single(Evaluate([WaitingTime], D(2026, 11, 1), Measured(WaitingTime, "2026-K3", 50)), s => s.Kind == SignalKind.OutcomeBelowNorm);

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
        Assert.Empty(Evaluate([WaitingTime], D(2026, 10, 31), Measured(WaitingTime, "2026-K2", 40)));

        var missing = Assert.Single(Evaluate([WaitingTime], D(2026, 11, 1), Measured(WaitingTime, "2026-K2", 40)));

        Assert.Equal(SignalKind.OutcomeReportMissing, missing.Kind);
        Assert.Equal("OutcomeReportMissing:31", missing.DedupeKey);
        Assert.Equal(202609, missing.Stage);
        Assert.Equal("Rapportage Wachttijd tot start zorg over 2026-K3 ontbreekt voor WMO-2021-001", missing.Title);
        Assert.Equal("Er is niets ontvangen over: 2026-K3 (uiterlijk 31-10-2026).", missing.Facts);
    }

    [Fact]
    public void Each_agreement_is_checked_on_its_own_frequency()
    {
        // On 1 Aug 2026: Q2 (due 31 Jul) and H1 (due 31 Jul) are both overdue.
        var signals = Evaluate([WaitingTime, EndedAsPlanned], D(2026, 8, 1), Measured(WaitingTime, "2026-K2", 30));

        var missing = Assert.Single(signals);
        Assert.Equal("OutcomeReportMissing:32", missing.DedupeKey);
        Assert.Contains("2026-H1", missing.Facts);
    }

    [Fact]
    public void Every_overdue_period_is_named_in_one_signal_per_agreement_staged_on_the_latest()
    {
        // On 1 May 2027: 2026-K2 … 2027-K1 are overdue (2027-K1 was due 30 Apr 2027); only 2026-K3 came in.
        var missing = Assert.Single(Evaluate([WaitingTime], D(2027, 5, 1), Measured(WaitingTime, "2026-K3", 40)));

        Assert.Equal(("OutcomeReportMissing:31", 202703), (missing.DedupeKey, missing.Stage));
        Assert.Equal("Rapportages Wachttijd tot start zorg over 3 perioden ontbreken voor WMO-2021-001", missing.Title);
        Assert.Equal("Er is niets ontvangen over: 2026-K2 (uiterlijk 31-07-2026), 2026-K4 (uiterlijk 31-01-2027), 2027-K1 (uiterlijk 30-04-2027).",
            missing.Facts);
    }

    [Fact]
    public void Reports_due_more_than_the_look_back_months_ago_are_not_looked_for()
    {
        // On 1 Aug 2027 with 12 months' look-back: due after 1 Aug 2026, so 2026-K3 (due 31 Oct 2026) … 2027-K2; not 2026-K2 (31 Jul 2026).
        Assert.Equal(["2026-K3", "2026-K4", "2027-K1", "2027-K2"],
            OutcomeMonitoringRules.OverduePeriods(Contract, ReportingFrequency.Kwartaal, new ReportingCalendar(D(2027, 8, 1), graceMonths: 1, lookBackMonths: 12)).Select(p => p.Label));
        Assert.Equal(["2026-K2", "2026-K3", "2026-K4", "2027-K1", "2027-K2"],
            OutcomeMonitoringRules.OverduePeriods(Contract, ReportingFrequency.Kwartaal, new ReportingCalendar(D(2027, 8, 1), graceMonths: 1, lookBackMonths: 13)).Select(p => p.Label));
    }

    [Fact]
    public void Periods_after_the_current_end_are_not_missing()
    {
        // Ended 31 Dec 2026: on 1 May 2027 its last quarter is 2026-K4; 2027-K1 lies after it.
        var ended = Contract with { InitialEndDate = D(2026, 12, 31) };

        Assert.Equal(["2026-K2", "2026-K3", "2026-K4"],
            OutcomeMonitoringRules.OverduePeriods(ended, ReportingFrequency.Kwartaal, new ReportingCalendar(D(2027, 5, 1), graceMonths: 1)).Select(p => p.Label));
    }

    [Fact]
    public void One_calendar_serves_every_contract_and_frequency_of_a_day()
    {
        var calendar = new ReportingCalendar(D(2027, 5, 1), graceMonths: 1);
        var ended = Contract with { InitialEndDate = D(2026, 12, 31) };

        Assert.Equal(["2026-K2", "2026-K3", "2026-K4"], OutcomeMonitoringRules.OverduePeriods(ended, ReportingFrequency.Kwartaal, calendar).Select(p => p.Label));
        Assert.Equal(["2026-K2", "2026-K3", "2026-K4", "2027-K1"], OutcomeMonitoringRules.OverduePeriods(Contract, ReportingFrequency.Kwartaal, calendar).Select(p => p.Label));
        // 2026-H1 was due 31 Jul 2026, within the year before 1 May 2027; 2026-H2 on 31 Jan 2027.
        Assert.Equal(["2026-H1", "2026-H2"], OutcomeMonitoringRules.OverduePeriods(Contract, ReportingFrequency.Halfjaar, calendar).Select(p => p.Label));
    }

    [Fact]
    public void No_report_is_missing_for_a_period_before_the_contract_started()
    {
        var started = Contract with { StartDate = D(2026, 10, 1), InitialEndDate = D(2028, 9, 30) };

        Assert.Empty(OutcomeMonitoringRules.Evaluate(started, [WaitingTime], [], new ReportingCalendar(D(2026, 11, 1), graceMonths: 1)));
    }

    [Theory]
    [InlineData(ContractStatus.Concept)]
    [InlineData(ContractStatus.Beeindigd)]
    public void Contracts_not_in_force_are_not_monitored(ContractStatus status) =>
        Assert.Empty(OutcomeMonitoringRules.Evaluate(Contract with { Status = status }, [WaitingTime], [], new ReportingCalendar(D(2026, 11, 1), graceMonths: 1)));
}
