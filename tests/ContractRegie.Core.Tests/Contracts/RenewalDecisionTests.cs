using ContractRegie.Core.Contracts;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Contracts;

/// <summary>KeyDateRules.Decide: applying verlengen, opnieuw aanbesteden, beëindigen or omzetten.</summary>
public class RenewalDecisionTests
{
    private const string NoOptionLeft = "Er is geen verlengingsoptie meer over.";
    private const string AlreadyEnded = "Over een beëindigd contract kan geen besluit meer worden genomen.";

    private static Contract Accepted(DecisionOutcome outcome)
    {
        Assert.Null(outcome.Error);
        Assert.NotNull(outcome.Contract);
        return outcome.Contract;
    }

    private static bool[] Exercised(Contract contract) => contract.ExtensionOptions.Select(o => o.Exercised).ToArray();

    [Fact]
    public void Verlengen_exercises_the_next_option_and_moves_the_current_end()
    {
        var contract = AContract(
            initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6,
            options: Options((12, true), (12, false), (24, false)));

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2023, 5, 1));
        var updated = Accepted(outcome);

        Assert.Equal(2, outcome.ExercisedOptionSequence);
        Assert.Equal([true, true, false], Exercised(updated));
        Assert.Equal(RenewalDecisionKind.Verlengen, updated.LatestDecision);
        Assert.Equal(ContractStatus.Actief, updated.Status);
        var keyDates = updated.KeyDates;
        Assert.Equal(D(2024, 12, 31), keyDates.CurrentEnd);
        Assert.Equal(D(2026, 12, 31), keyDates.MaximumEnd);
        Assert.Equal(D(2024, 9, 30), keyDates.DecisionDeadline);
        Assert.Equal(D(2026, 6, 30), keyDates.ProcurementStartDeadline);
        Assert.Equal(new ExtensionOption(3, 24, false), keyDates.NextOption);
        Assert.Equal(1, keyDates.RemainingOptions);
    }

    [Fact]
    public void Verlengen_exercises_the_first_option_when_none_is_exercised()
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), options: Options((6, false), (12, false)));

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2022, 8, 1));
        var updated = Accepted(outcome);

        Assert.Equal(1, outcome.ExercisedOptionSequence);
        Assert.Equal([true, false], Exercised(updated));
        Assert.Equal(D(2023, 6, 30), updated.KeyDates.CurrentEnd);
    }

    [Fact]
    public void Deciding_leaves_the_original_contract_unchanged()
    {
        var contract = AContract(options: Options((12, false)));

        Accepted(KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2022, 8, 1)));

        Assert.Equal([false], Exercised(contract));
        Assert.Null(contract.LatestDecision);
        Assert.Equal(D(2022, 12, 31), contract.KeyDates.CurrentEnd);
    }

    [Fact]
    public void Verlengen_without_options_is_rejected()
    {
        var outcome = KeyDateRules.Decide(AContract(), RenewalDecisionKind.Verlengen, D(2022, 8, 1));

        Assert.Null(outcome.Contract);
        Assert.Null(outcome.ExercisedOptionSequence);
        Assert.Equal(NoOptionLeft, outcome.Error);
    }

    [Fact]
    public void Verlengen_when_all_options_are_used_is_rejected()
    {
        var outcome = KeyDateRules.Decide(
            AContract(options: Options((12, true), (12, true))), RenewalDecisionKind.Verlengen, D(2024, 8, 1));

        Assert.Null(outcome.Contract);
        Assert.Equal(NoOptionLeft, outcome.Error);
    }

    [Theory]
    [InlineData(RenewalDecisionKind.Verlengen)]
    [InlineData(RenewalDecisionKind.OpnieuwAanbesteden)]
    [InlineData(RenewalDecisionKind.Beeindigen)]
    [InlineData(RenewalDecisionKind.Omzetten)]
    public void Any_decision_on_a_Beeindigd_contract_is_rejected(RenewalDecisionKind decision)
    {
        var contract = AContract(options: Options((12, false)), status: ContractStatus.Beeindigd);

        var outcome = KeyDateRules.Decide(contract, decision, D(2022, 8, 1));

        Assert.Null(outcome.Contract);
        Assert.Null(outcome.ExercisedOptionSequence);
        Assert.Equal(AlreadyEnded, outcome.Error);
    }

    [Theory]
    [InlineData(2023, 2, 15)]
    [InlineData(2023, 12, 31)] // the new last day
    public void Verlopen_contract_that_is_extended_is_Actief_again_within_the_new_term(int y, int m, int d)
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), options: Options((12, false)), status: ContractStatus.Verlopen);

        var updated = Accepted(KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(y, m, d)));

        Assert.Equal(ContractStatus.Actief, updated.Status);
        Assert.Equal(D(2023, 12, 31), updated.KeyDates.CurrentEnd);
    }

    [Fact]
    public void Verlopen_contract_extended_too_late_to_cover_today_stays_Verlopen()
    {
        // New end: 31 Dec 2022 + 1 month = 31 Jan 2023, today is after it.
        var contract = AContract(initialEnd: D(2022, 12, 31), options: Options((1, false)), status: ContractStatus.Verlopen);

        var updated = Accepted(KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2023, 3, 1)));

        Assert.Equal(D(2023, 1, 31), updated.KeyDates.CurrentEnd);
        Assert.Equal(ContractStatus.Verlopen, updated.Status);
    }

    [Fact]
    public void Verlengen_after_opnieuw_aanbesteden_still_exercises_the_next_remaining_option()
    {
        var contract = AContract(
            initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6,
            options: Options((12, true), (12, false), (12, false)));

        var retender = KeyDateRules.Decide(contract, RenewalDecisionKind.OpnieuwAanbesteden, D(2023, 3, 1));
        var afterRetender = Accepted(retender);
        Assert.Null(retender.ExercisedOptionSequence);
        Assert.Equal([true, false, false], Exercised(afterRetender));
        Assert.Null(afterRetender.KeyDates.DecisionDeadline);
        Assert.Equal(D(2023, 6, 30), afterRetender.KeyDates.ProcurementStartDeadline);

        var extend = KeyDateRules.Decide(afterRetender, RenewalDecisionKind.Verlengen, D(2023, 4, 1));
        var afterExtend = Accepted(extend);

        Assert.Equal(2, extend.ExercisedOptionSequence);
        Assert.Equal([true, true, false], Exercised(afterExtend));
        Assert.Equal(RenewalDecisionKind.Verlengen, afterExtend.LatestDecision);
        Assert.Equal(ContractStatus.Actief, afterExtend.Status);
        Assert.Equal(D(2024, 12, 31), afterExtend.KeyDates.CurrentEnd);
        Assert.Equal(D(2024, 9, 30), afterExtend.KeyDates.DecisionDeadline);
        Assert.Equal(D(2025, 6, 30), afterExtend.KeyDates.ProcurementStartDeadline);
        Assert.Equal(new ExtensionOption(3, 12, false), afterExtend.KeyDates.NextOption);
    }

    [Theory]
    [InlineData(RenewalDecisionKind.OpnieuwAanbesteden)]
    [InlineData(RenewalDecisionKind.Beeindigen)]
    [InlineData(RenewalDecisionKind.Omzetten)]
    public void Not_extending_before_the_end_keeps_the_contract_Actief_and_its_options(RenewalDecisionKind decision)
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), options: Options((12, false)));

        var outcome = KeyDateRules.Decide(contract, decision, D(2022, 8, 1));
        var updated = Accepted(outcome);

        Assert.Null(outcome.ExercisedOptionSequence);
        Assert.Equal(decision, updated.LatestDecision);
        Assert.Equal(ContractStatus.Actief, updated.Status);
        Assert.Equal([false], Exercised(updated));
        Assert.Equal(D(2022, 12, 31), updated.KeyDates.CurrentEnd);
        Assert.Null(updated.KeyDates.DecisionDeadline);
    }

    [Theory]
    [InlineData(RenewalDecisionKind.OpnieuwAanbesteden, ContractStatus.Actief)]
    [InlineData(RenewalDecisionKind.Beeindigen, ContractStatus.Actief)]
    [InlineData(RenewalDecisionKind.Omzetten, ContractStatus.Verlopen)]
    [InlineData(RenewalDecisionKind.Beeindigen, ContractStatus.Verlopen)]
    public void Not_extending_after_the_end_makes_the_contract_Beeindigd(RenewalDecisionKind decision, ContractStatus status)
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), options: Options((12, false)), status: status);

        var updated = Accepted(KeyDateRules.Decide(contract, decision, D(2023, 1, 10)));

        Assert.Equal(ContractStatus.Beeindigd, updated.Status);
    }

    [Fact]
    public void Decision_on_a_Concept_contract_keeps_it_Concept()
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), options: Options((12, false)), status: ContractStatus.Concept);

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2024, 6, 1));
        var updated = Accepted(outcome);

        Assert.Equal(1, outcome.ExercisedOptionSequence);
        Assert.Equal(ContractStatus.Concept, updated.Status);
        Assert.Equal(D(2023, 12, 31), updated.KeyDates.CurrentEnd);
    }
}
