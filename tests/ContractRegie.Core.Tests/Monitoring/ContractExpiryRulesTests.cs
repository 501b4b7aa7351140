using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Monitoring;

public sealed class ContractExpiryRulesTests
{
    private static readonly IReadOnlyList<int> Horizons = [12, 6, 3, 1];

    /// <summary>
    /// 1 Jan 2024 – 31 Dec 2026, notice 6 months, lead time 12 months; with an option the decision is due 31 Dec 2025
    /// (the lead time is longer than the notice, so it sets the date).
    /// </summary>
    private static Contract Contract(int options = 0, ContractStatus status = ContractStatus.Actief, RenewalDecisionKind? decision = null) =>
        AContract(start: D(2024, 1, 1), initialEnd: D(2026, 12, 31), noticeMonths: 6, leadTimeMonths: 12,
            options: Enumerable.Range(1, options).Select(i => new ExtensionOption(i, 12, false)).ToList(), status: status, latestDecision: decision);

    private static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    // Deadline 30 June 2026 (a month end): 12 months before is 30 June 2025, 6 → 31 Dec 2025, 3 → 31 Mar 2026, 1 → 31 May 2026.
    [Theory]
    [InlineData("2025-06-29", null)]
    [InlineData("2025-06-30", 12)]
    [InlineData("2025-12-30", 12)]
    [InlineData("2025-12-31", 6)]
    [InlineData("2026-03-31", 3)]
    [InlineData("2026-05-31", 1)]
    [InlineData("2026-06-30", 1)]
    [InlineData("2026-07-01", 0)]
    public void A_deadline_moves_through_the_horizons(string today, int? stage) =>
        Assert.Equal(stage, ContractExpiryRules.StageOf(Day("2026-06-30"), Day(today), Horizons));

    [Fact]
    public void Crossing_each_horizon_raises_the_decision_signal_at_a_new_stage_under_one_key()
    {
        var contract = Contract(options: 2) with { Id = 7, ContractManager = "a.bakker" };

        // Deadline 31 Dec 2025: 12 months before is 31 Dec 2024, 6 → 30 Jun 2025, 3 → 30 Sep 2025, 1 → 30 Nov 2025.
        var stages = new[] { "2025-01-01", "2025-07-01", "2025-10-01", "2025-12-01", "2026-01-01" }
            .Select(day => Assert.Single(ContractExpiryRules.Evaluate(contract, Day(day), Horizons), s => s.Kind == SignalKind.DecisionDue))
            .ToList();

        Assert.Equal([12, 6, 3, 1, 0], stages.Select(s => s.Stage));
        Assert.Equal([SignalSeverity.Info, SignalSeverity.Info, SignalSeverity.Warning, SignalSeverity.High, SignalSeverity.Critical],
            stages.Select(s => s.Severity));
        Assert.Single(stages.Select(s => s.DedupeKey).Distinct());
        Assert.All(stages, s => Assert.Equal("a.bakker", s.Recipient));
        Assert.Contains("31-12-2025", stages[0].Title);
        Assert.Contains("de datum volgt uit de doorlooptijd van de aanbesteding (12 maanden)", stages[0].Facts);
    }

    [Fact]
    public void Procurement_must_start_twelve_months_before_the_maximum_end_minus_lead_time()
    {
        // Maximum end 31 Dec 2028, lead time 12 months: start by 31 Dec 2027; the 12-month horizon opens 31 Dec 2026.
        var contract = Contract(options: 2) with { Id = 7 };

        Assert.DoesNotContain(ContractExpiryRules.Evaluate(contract, Day("2026-12-30"), Horizons), s => s.Kind == SignalKind.ProcurementMustStart);
        var signal = Assert.Single(ContractExpiryRules.Evaluate(contract, Day("2026-12-31"), Horizons), s => s.Kind == SignalKind.ProcurementMustStart);
        Assert.Equal(12, signal.Stage);
    }

    [Fact]
    public void A_contract_past_its_end_without_a_decision_raises_one_critical_signal()
    {
        var contract = Contract() with { Id = 9 };

        var outcome = ContractExpiryRules.Evaluate(contract, Day("2027-01-01"), Horizons);

        var signal = Assert.Single(outcome);
        Assert.Equal((SignalKind.ContractExpiredWithoutDecision, SignalSeverity.Critical), (signal.Kind, signal.Severity));
    }

    [Fact]
    public void An_already_expired_contract_keeps_its_signal_key()
    {
        var contract = Contract(status: ContractStatus.Verlopen) with { Id = 9 };

        var first = ContractExpiryRules.Evaluate(contract, Day("2027-01-01"), Horizons);
        var later = ContractExpiryRules.Evaluate(contract, Day("2027-02-01"), Horizons);

        Assert.Equal(first.Single().DedupeKey, later.Single().DedupeKey);
    }

    [Fact]
    public void Concept_contracts_and_decided_contracts_raise_no_decision_signal()
    {
        Assert.Empty(ContractExpiryRules.Evaluate(Contract(options: 1, status: ContractStatus.Concept), Day("2026-06-01"), Horizons));
        var decided = Contract(options: 1, decision: RenewalDecisionKind.Beeindigen);
        Assert.Empty(ContractExpiryRules.Evaluate(decided, Day("2026-06-01"), Horizons));
    }
}
