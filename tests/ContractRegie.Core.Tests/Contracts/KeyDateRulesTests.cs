using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Contracts;

/// <summary>
/// Key dates (DESIGN.md): current end = initial end + exercised options; maximum end = initial end + all options;
/// decision deadline = the earlier of current end − notice and current end − procurement lead time, while an option
/// remains; procurement start = maximum end − lead time,
/// or current end − lead time once "opnieuw aanbesteden" is decided.
/// </summary>
public class KeyDateRulesTests
{
    [Fact]
    public void No_options_all_ends_are_the_initial_end_and_there_is_no_decision_deadline()
    {
        var keyDates = KeyDateRules.For(AContract(initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6));

        Assert.Equal(D(2022, 12, 31), keyDates.CurrentEnd);
        Assert.Equal(D(2022, 12, 31), keyDates.MaximumEnd);
        Assert.Null(keyDates.DecisionDeadline);
        Assert.Equal(D(2022, 6, 30), keyDates.ProcurementStartDeadline);
        Assert.Null(keyDates.NextOption);
        Assert.Equal(0, keyDates.RemainingOptions);
    }

    [Fact]
    public void No_options_and_an_end_mid_month_keeps_the_day_for_procurement_start()
    {
        var keyDates = KeyDateRules.For(AContract(initialEnd: D(2023, 6, 14), leadTimeMonths: 4));

        Assert.Equal(D(2023, 6, 14), keyDates.CurrentEnd);
        Assert.Equal(D(2023, 6, 14), keyDates.MaximumEnd);
        Assert.Null(keyDates.DecisionDeadline);
        Assert.Equal(D(2023, 2, 14), keyDates.ProcurementStartDeadline);
    }

    [Fact]
    public void The_contract_exposes_the_same_key_dates()
    {
        var keyDates = AContract(initialEnd: D(2022, 12, 31), options: Options((12, true), (12, false))).KeyDates;

        Assert.Equal(D(2023, 12, 31), keyDates.CurrentEnd);
        Assert.Equal(D(2024, 12, 31), keyDates.MaximumEnd);
        Assert.Equal(D(2023, 6, 30), keyDates.DecisionDeadline); // lead time 6 months before notice 3
        Assert.Equal(D(2024, 6, 30), keyDates.ProcurementStartDeadline);
    }

    [Fact]
    public void Options_none_exercised()
    {
        var keyDates = KeyDateRules.For(AContract(
            initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6, options: Options((12, false), (12, false))));

        Assert.Equal(D(2022, 12, 31), keyDates.CurrentEnd);
        Assert.Equal(D(2024, 12, 31), keyDates.MaximumEnd);
        Assert.Equal(D(2022, 6, 30), keyDates.DecisionDeadline);
        Assert.Equal(D(2024, 6, 30), keyDates.ProcurementStartDeadline);
        Assert.Equal(new ExtensionOption(1, 12, false), keyDates.NextOption);
        Assert.Equal(2, keyDates.RemainingOptions);
    }

    [Fact]
    public void Some_options_exercised()
    {
        var keyDates = KeyDateRules.For(AContract(
            initialEnd: D(2022, 12, 31), noticeMonths: 6, leadTimeMonths: 9,
            options: Options((12, true), (12, false), (24, false))));

        Assert.Equal(D(2023, 12, 31), keyDates.CurrentEnd);
        Assert.Equal(D(2026, 12, 31), keyDates.MaximumEnd);
        Assert.Equal(D(2023, 3, 31), keyDates.DecisionDeadline); // lead time 9 months before notice 6
        Assert.Equal(D(2026, 3, 31), keyDates.ProcurementStartDeadline);
        Assert.Equal(new ExtensionOption(2, 12, false), keyDates.NextOption);
        Assert.Equal(2, keyDates.RemainingOptions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(RenewalDecisionKind.Verlengen)]
    public void All_options_used_leaves_no_decision_deadline_and_no_next_option(RenewalDecisionKind? latest)
    {
        var keyDates = KeyDateRules.For(AContract(
            initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6,
            options: Options((12, true), (12, true)), latestDecision: latest));

        Assert.Equal(D(2024, 12, 31), keyDates.CurrentEnd);
        Assert.Equal(D(2024, 12, 31), keyDates.MaximumEnd);
        Assert.Null(keyDates.DecisionDeadline);
        Assert.Equal(D(2024, 6, 30), keyDates.ProcurementStartDeadline);
        Assert.Null(keyDates.NextOption);
        Assert.Equal(0, keyDates.RemainingOptions);
    }

    [Fact]
    public void Term_ending_28_February_in_a_common_year_runs_to_the_month_end_across_a_leap_year()
    {
        var keyDates = KeyDateRules.For(AContract(
            start: D(2021, 3, 1), initialEnd: D(2023, 2, 28), noticeMonths: 3, leadTimeMonths: 6,
            options: Options((12, true), (12, false))));

        Assert.Equal(D(2024, 2, 29), keyDates.CurrentEnd);
        Assert.Equal(D(2025, 2, 28), keyDates.MaximumEnd);
        Assert.Equal(D(2023, 8, 31), keyDates.DecisionDeadline);
        Assert.Equal(D(2024, 8, 31), keyDates.ProcurementStartDeadline);
    }

    [Fact]
    public void Term_ending_mid_month_keeps_its_day()
    {
        var keyDates = KeyDateRules.For(AContract(
            start: D(2022, 6, 15), initialEnd: D(2023, 6, 14), noticeMonths: 2, leadTimeMonths: 4,
            options: Options((6, false))));

        Assert.Equal(D(2023, 6, 14), keyDates.CurrentEnd);
        Assert.Equal(D(2023, 12, 14), keyDates.MaximumEnd);
        Assert.Equal(D(2023, 2, 14), keyDates.DecisionDeadline);
        Assert.Equal(D(2023, 8, 14), keyDates.ProcurementStartDeadline);
    }

    [Fact]
    public void Zero_notice_period_and_lead_time_put_the_decision_deadline_on_the_current_end() =>
        Assert.Equal(D(2022, 12, 31), KeyDateRules.For(AContract(noticeMonths: 0, leadTimeMonths: 0, options: Options((12, false)))).DecisionDeadline);

    [Fact]
    public void A_lead_time_longer_than_the_notice_period_sets_the_decision_deadline()
    {
        // The case: notice 3, lead time 9: 31 Dec 2022 − 9 months = 31 Mar 2022, not 30 Sep 2022.
        var keyDates = KeyDateRules.For(AContract(initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 9, options: Options((12, false))));

        Assert.Equal(D(2022, 3, 31), keyDates.DecisionDeadline);
        Assert.Equal(DecisionDeadlineBasis.ProcurementLeadTime, keyDates.DecisionDeadlineSetBy);
    }

    [Theory]
    [InlineData(9, 3)]
    [InlineData(6, 6)] // equal: the same day either way; the contractual notice is named
    public void A_notice_period_at_least_the_lead_time_sets_the_decision_deadline(int notice, int leadTime)
    {
        var keyDates = KeyDateRules.For(AContract(initialEnd: D(2022, 12, 31), noticeMonths: notice, leadTimeMonths: leadTime, options: Options((12, false))));

        Assert.Equal(notice == 9 ? D(2022, 3, 31) : D(2022, 6, 30), keyDates.DecisionDeadline);
        Assert.Equal(DecisionDeadlineBasis.NoticePeriod, keyDates.DecisionDeadlineSetBy);
    }

    [Fact]
    public void Without_a_decision_deadline_nothing_sets_it() =>
        Assert.Null(KeyDateRules.For(AContract(noticeMonths: 3, leadTimeMonths: 9)).DecisionDeadlineSetBy);

    [Fact]
    public void Notice_period_longer_than_the_remaining_term_puts_the_deadline_in_the_past()
    {
        var contract = AContract(
            start: D(2022, 4, 1), initialEnd: D(2024, 3, 31), noticeMonths: 6, options: Options((12, false)));
        var today = D(2024, 1, 15); // 2.5 months left, 6 months' notice

        Assert.Equal(D(2023, 9, 30), KeyDateRules.For(contract).DecisionDeadline);
        Assert.True(IsDecisionOverdue(contract, today));
    }

    [Fact]
    public void Notice_period_longer_than_the_whole_term_is_overdue_from_the_start()
    {
        var contract = AContract(
            start: D(2024, 1, 1), initialEnd: D(2024, 3, 31), noticeMonths: 12, options: Options((12, false)));

        Assert.Equal(D(2023, 3, 31), KeyDateRules.For(contract).DecisionDeadline);
        Assert.True(IsDecisionOverdue(contract, D(2024, 1, 1)));
    }

    // Overdue is what the expiry job acts on: the decision deadline's stage 0 ("De datum is verstreken").
    private static bool IsDecisionOverdue(Contract contract, DateOnly today) =>
        KeyDateRules.For(contract).DecisionDeadline is { } deadline && ContractExpiryRules.StageOf(deadline, today, ContractExpiryRules.DefaultHorizons) == 0;

    [Theory]
    [InlineData(2022, 9, 29, false)]
    [InlineData(2022, 9, 30, false)] // the deadline itself is still in time
    [InlineData(2022, 10, 1, true)]
    [InlineData(2023, 6, 1, true)]
    public void Decision_is_overdue_only_after_the_deadline(int y, int m, int d, bool expected)
    {
        // Deadline 31 Dec 2022 − 3 months = 30 Sep 2022 (no lead time to come earlier).
        var contract = AContract(initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 0, options: Options((12, false)));

        Assert.Equal(expected, IsDecisionOverdue(contract, D(y, m, d)));
    }

    [Fact]
    public void Decision_is_never_overdue_without_options() =>
        Assert.False(IsDecisionOverdue(AContract(noticeMonths: 3), D(2022, 12, 1)));

    [Fact]
    public void Decision_is_never_overdue_when_all_options_are_used() =>
        Assert.False(IsDecisionOverdue(AContract(options: Options((12, true))), D(2023, 12, 1)));

    [Theory]
    [InlineData(RenewalDecisionKind.OpnieuwAanbesteden)]
    [InlineData(RenewalDecisionKind.Beeindigen)]
    [InlineData(RenewalDecisionKind.Omzetten)]
    public void Decision_is_not_overdue_once_not_extend_is_decided(RenewalDecisionKind decision) =>
        Assert.False(IsDecisionOverdue(
            AContract(options: Options((12, false)), latestDecision: decision), D(2022, 11, 1)));

    [Fact]
    public void After_an_extension_the_next_option_has_its_own_deadline()
    {
        // Current end 31 Dec 2023, lead time 6 months: next deadline 30 Jun 2023.
        var contract = AContract(options: Options((12, true), (12, false)), latestDecision: RenewalDecisionKind.Verlengen);

        Assert.False(IsDecisionOverdue(contract, D(2023, 6, 30)));
        Assert.True(IsDecisionOverdue(contract, D(2023, 7, 1)));
    }

    [Fact]
    public void Opnieuw_aanbesteden_counts_procurement_from_the_current_end_and_closes_the_decision()
    {
        var keyDates = KeyDateRules.For(AContract(
            initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6,
            options: Options((12, true), (12, false), (12, false)),
            latestDecision: RenewalDecisionKind.OpnieuwAanbesteden));

        Assert.Equal(D(2023, 12, 31), keyDates.CurrentEnd);
        Assert.Equal(D(2025, 12, 31), keyDates.MaximumEnd);
        Assert.Null(keyDates.DecisionDeadline);
        Assert.Equal(D(2023, 6, 30), keyDates.ProcurementStartDeadline);
        Assert.Null(keyDates.NextOption);
        Assert.Equal(0, keyDates.RemainingOptions);
    }

    [Theory]
    [InlineData(RenewalDecisionKind.Beeindigen)]
    [InlineData(RenewalDecisionKind.Omzetten)]
    public void Ending_or_converting_needs_no_procurement(RenewalDecisionKind decision)
    {
        var keyDates = KeyDateRules.For(AContract(
            initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6,
            options: Options((12, true), (12, false), (12, false)), latestDecision: decision));

        Assert.Equal(D(2023, 12, 31), keyDates.CurrentEnd);
        Assert.Equal(D(2025, 12, 31), keyDates.MaximumEnd);
        Assert.Null(keyDates.DecisionDeadline);
        Assert.Null(keyDates.ProcurementStartDeadline);
        Assert.Null(keyDates.NextOption);
        Assert.Equal(0, keyDates.RemainingOptions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(RenewalDecisionKind.Verlengen)]
    public void Without_a_not_extend_decision_procurement_counts_from_the_maximum_end(RenewalDecisionKind? latest)
    {
        var keyDates = KeyDateRules.For(AContract(
            initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6,
            options: Options((12, true), (12, false), (12, false)), latestDecision: latest));

        Assert.Equal(D(2023, 6, 30), keyDates.DecisionDeadline);
        Assert.Equal(D(2025, 6, 30), keyDates.ProcurementStartDeadline);
        Assert.Equal(new ExtensionOption(2, 12, false), keyDates.NextOption);
        Assert.Equal(2, keyDates.RemainingOptions);
    }
}
