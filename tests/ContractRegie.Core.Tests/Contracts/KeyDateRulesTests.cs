using ContractRegie.Core.Contracts;
using static ContractRegie.Core.Tests.Contracts.ContractBuilder;

namespace ContractRegie.Core.Tests.Contracts;

public sealed class KeyDateRulesTests
{
    [Fact]
    public void Without_options_every_end_is_the_initial_end_and_nothing_is_to_decide()
    {
        var keyDates = KeyDateRules.For(AContract());

        Assert.Equal(D("2026-12-31"), keyDates.CurrentEnd);
        Assert.Equal(D("2026-12-31"), keyDates.MaximumEnd);
        Assert.Null(keyDates.DecisionDeadline);
        Assert.Null(keyDates.NextOption);
        Assert.Equal(0, keyDates.RemainingOptions);
        Assert.Equal(D("2025-12-31"), keyDates.ProcurementStartDeadline);
    }

    [Fact]
    public void With_unexercised_options_the_decision_falls_a_notice_period_before_the_current_end()
    {
        var keyDates = KeyDateRules.For(AContract(options: [12, 24]));

        Assert.Equal(D("2026-12-31"), keyDates.CurrentEnd);
        Assert.Equal(D("2029-12-31"), keyDates.MaximumEnd);
        Assert.Equal(D("2026-06-30"), keyDates.DecisionDeadline);
        Assert.Equal(D("2028-12-31"), keyDates.ProcurementStartDeadline);
        Assert.Equal(new ExtensionOption(1, 12, false), keyDates.NextOption);
        Assert.Equal(2, keyDates.RemainingOptions);
    }

    [Fact]
    public void An_exercised_option_moves_the_current_end_and_the_decision()
    {
        var keyDates = KeyDateRules.For(AContract(options: [12, 24], exercised: 1));

        Assert.Equal(D("2027-12-31"), keyDates.CurrentEnd);
        Assert.Equal(D("2029-12-31"), keyDates.MaximumEnd);
        Assert.Equal(D("2027-06-30"), keyDates.DecisionDeadline);
        Assert.Equal(new ExtensionOption(2, 24, false), keyDates.NextOption);
    }

    [Fact]
    public void With_all_options_used_nothing_is_left_to_decide()
    {
        var keyDates = KeyDateRules.For(AContract(options: [12, 12], exercised: 2));

        Assert.Equal(D("2028-12-31"), keyDates.CurrentEnd);
        Assert.Equal(keyDates.MaximumEnd, keyDates.CurrentEnd);
        Assert.Null(keyDates.DecisionDeadline);
        Assert.Null(keyDates.NextOption);
        Assert.Equal(D("2027-12-31"), keyDates.ProcurementStartDeadline);
    }

    [Fact]
    public void Month_end_terms_across_a_leap_year_keep_ending_on_the_last_day()
    {
        var keyDates = KeyDateRules.For(AContract(start: "2022-03-01", end: "2023-02-28", options: [12, 12], exercised: 1, notice: 3));

        Assert.Equal(D("2024-02-29"), keyDates.CurrentEnd);
        Assert.Equal(D("2025-02-28"), keyDates.MaximumEnd);
        Assert.Equal(D("2023-11-30"), keyDates.DecisionDeadline);
    }

    [Fact]
    public void A_notice_period_longer_than_the_remaining_term_makes_the_decision_overdue()
    {
        var contract = AContract(start: "2026-01-01", end: "2026-06-30", options: [12], notice: 12);

        Assert.Equal(D("2025-06-30"), KeyDateRules.For(contract).DecisionDeadline);
        Assert.True(KeyDateRules.IsDecisionOverdue(contract, D("2026-01-01")));
        Assert.False(KeyDateRules.IsDecisionOverdue(AContract(options: [12]), D("2026-06-30")));
        Assert.True(KeyDateRules.IsDecisionOverdue(AContract(options: [12]), D("2026-07-01")));
    }

    [Fact]
    public void Deciding_to_procure_again_ends_the_decision_and_starts_procurement_from_the_current_end()
    {
        var keyDates = KeyDateRules.For(AContract(options: [12, 12], decision: RenewalDecisionKind.OpnieuwAanbesteden));

        Assert.Null(keyDates.DecisionDeadline);
        Assert.Null(keyDates.NextOption);
        Assert.Equal(0, keyDates.RemainingOptions);
        Assert.Equal(D("2025-12-31"), keyDates.ProcurementStartDeadline);
    }

    [Theory]
    [InlineData(RenewalDecisionKind.Beeindigen)]
    [InlineData(RenewalDecisionKind.Omzetten)]
    public void Ending_or_converting_needs_no_new_procurement(RenewalDecisionKind decision)
    {
        var keyDates = KeyDateRules.For(AContract(options: [12], decision: decision));

        Assert.Null(keyDates.ProcurementStartDeadline);
        Assert.Null(keyDates.DecisionDeadline);
    }

    [Theory]
    [InlineData("2026-12-31", null, ContractStatus.Actief)]
    [InlineData("2027-01-01", null, ContractStatus.Verlopen)]
    [InlineData("2027-01-01", RenewalDecisionKind.Verlengen, ContractStatus.Verlopen)]
    [InlineData("2027-01-01", RenewalDecisionKind.Beeindigen, ContractStatus.Beeindigd)]
    [InlineData("2027-01-01", RenewalDecisionKind.OpnieuwAanbesteden, ContractStatus.Beeindigd)]
    public void Past_its_current_end_a_contract_is_expired_unless_it_was_decided_to_stop(
        string today, RenewalDecisionKind? decision, ContractStatus expected) =>
        Assert.Equal(expected, KeyDateRules.StatusOn(AContract(decision: decision), D(today)));

    [Theory]
    [InlineData(ContractStatus.Concept)]
    [InlineData(ContractStatus.Beeindigd)]
    public void Concept_and_ended_contracts_keep_their_status(ContractStatus status) =>
        Assert.Equal(status, KeyDateRules.StatusOn(AContract(status: status), D("2030-01-01")));

    [Fact]
    public void Extending_exercises_the_next_option()
    {
        var outcome = KeyDateRules.Decide(AContract(options: [12, 24]), RenewalDecisionKind.Verlengen, D("2026-05-01"));

        Assert.Null(outcome.Error);
        Assert.Equal(1, outcome.ExercisedOptionSequence);
        Assert.Equal(D("2027-12-31"), outcome.Contract!.KeyDates.CurrentEnd);
        Assert.Equal(RenewalDecisionKind.Verlengen, outcome.Contract.LatestDecision);
        Assert.Equal([true, false], outcome.Contract.ExtensionOptions.Select(o => o.Exercised));
    }

    [Fact]
    public void Extending_without_an_option_left_is_refused()
    {
        var outcome = KeyDateRules.Decide(AContract(options: [12], exercised: 1), RenewalDecisionKind.Verlengen, D("2027-05-01"));

        Assert.Null(outcome.Contract);
        Assert.Equal("Er is geen verlengingsoptie meer over.", outcome.Error);
    }

    [Fact]
    public void An_ended_contract_takes_no_more_decisions()
    {
        var outcome = KeyDateRules.Decide(AContract(options: [12], status: ContractStatus.Beeindigd), RenewalDecisionKind.Verlengen, D("2026-05-01"));

        Assert.NotNull(outcome.Error);
        Assert.Null(outcome.Contract);
    }

    [Fact]
    public void An_expired_contract_that_is_extended_is_active_again()
    {
        var expired = AContract(options: [12], status: ContractStatus.Verlopen);

        var outcome = KeyDateRules.Decide(expired, RenewalDecisionKind.Verlengen, D("2027-02-01"));

        Assert.Equal(ContractStatus.Actief, outcome.Contract!.Status);
        Assert.Equal(D("2027-12-31"), outcome.Contract.KeyDates.CurrentEnd);
    }

    [Fact]
    public void A_change_of_mind_after_procure_again_still_exercises_the_next_option()
    {
        var outcome = KeyDateRules.Decide(AContract(options: [12, 12], decision: RenewalDecisionKind.OpnieuwAanbesteden),
            RenewalDecisionKind.Verlengen, D("2026-05-01"));

        Assert.Equal(1, outcome.ExercisedOptionSequence);
        Assert.Equal(D("2026-12-31").AddYears(1), outcome.Contract!.KeyDates.CurrentEnd);
        Assert.Equal(D("2027-06-30"), outcome.Contract.KeyDates.DecisionDeadline);
    }

    [Fact]
    public void Deciding_to_stop_after_the_end_ends_the_contract()
    {
        var outcome = KeyDateRules.Decide(AContract(options: [12], status: ContractStatus.Verlopen), RenewalDecisionKind.Beeindigen, D("2027-01-15"));

        Assert.Equal(ContractStatus.Beeindigd, outcome.Contract!.Status);
        Assert.Null(outcome.ExercisedOptionSequence);
    }

    [Fact]
    public void A_concept_contract_stays_concept_when_a_decision_is_recorded()
    {
        var outcome = KeyDateRules.Decide(AContract(options: [12], status: ContractStatus.Concept), RenewalDecisionKind.Verlengen, D("2026-05-01"));

        Assert.Equal(ContractStatus.Concept, outcome.Contract!.Status);
    }
}
