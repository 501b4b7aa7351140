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
        Assert.Equal(D(2024, 6, 30), keyDates.DecisionDeadline);
        Assert.Equal(D(2026, 6, 30), keyDates.ProcurementStartDeadline);
        Assert.Equal(new ExtensionOption(3, 24, false), keyDates.NextOption);
        Assert.Equal(1, keyDates.RemainingOptions);
    }

    [Fact]
    public void Verlengen_exercises_the_first_option_when_none_is_exercised()
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), options: Options((6, false), (12, false)));

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2022, 6, 1));
        var updated = Accepted(outcome);

        Assert.Equal(1, outcome.ExercisedOptionSequence);
        Assert.Equal([true, false], Exercised(updated));
        Assert.Equal(D(2023, 6, 30), updated.KeyDates.CurrentEnd);
    }

    [Fact]
    public void Deciding_leaves_the_original_contract_unchanged()
    {
        var contract = AContract(options: Options((12, false)));

        Accepted(KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2022, 6, 1)));

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
    [InlineData(2023, 1, 1, ContractStatus.Verlopen)] // the day after the current end
    [InlineData(2023, 2, 15, ContractStatus.Verlopen)]
    [InlineData(2023, 2, 15, ContractStatus.Actief)] // stored status not yet updated: the dates decide
    public void Verlengen_after_the_current_end_is_refused_even_with_a_justification(int y, int m, int d, ContractStatus status)
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), options: Options((12, false)), status: status);

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(y, m, d), "Zorg moet doorlopen");

        Assert.Null(outcome.Contract);
        Assert.Equal(
            "Het contract is op 31-12-2022 afgelopen en kan niet meer worden verlengd: dat zou een nieuwe opdracht zonder aanbesteding zijn. "
            + "Start een nieuwe aanbesteding (besluit Opnieuw aanbesteden).", outcome.Error);
    }

    [Fact]
    public void Verlengen_after_the_decision_deadline_without_a_justification_is_refused()
    {
        // 31 Dec 2022 − lead time 6 months = 30 Jun 2022.
        var contract = AContract(initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6, options: Options((12, false)));

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2022, 7, 1), "  ");

        Assert.Null(outcome.Contract);
        Assert.Equal("De uiterste besluitdatum (30-06-2022) is verstreken. Verlengen kan alleen nog met een verantwoording waarom het "
                     + "besluit te laat is (lateJustification).", outcome.Error);
    }

    [Theory]
    [InlineData(2022, 7, 1)]
    [InlineData(2022, 12, 31)] // the last day of the term
    public void Verlengen_after_the_decision_deadline_with_a_justification_is_accepted_as_late(int y, int m, int d)
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6, options: Options((12, false)));

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(y, m, d), "Raadsbesluit liep vertraging op");
        var updated = Accepted(outcome);

        Assert.True(outcome.Late);
        Assert.Equal(D(2022, 6, 30), outcome.MissedDeadline);
        Assert.Equal(D(2023, 12, 31), updated.KeyDates.CurrentEnd);
        Assert.Equal(ContractStatus.Actief, updated.Status);
    }

    [Fact]
    public void Verlengen_on_the_decision_deadline_is_in_time()
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), noticeMonths: 3, leadTimeMonths: 6, options: Options((12, false)));

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2022, 6, 30));

        Accepted(outcome);
        Assert.False(outcome.Late);
        Assert.Null(outcome.MissedDeadline);
    }

    [Fact]
    public void A_decision_before_the_contract_starts_is_refused()
    {
        var contract = AContract(start: D(2021, 1, 1), options: Options((12, false)));

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.OpnieuwAanbesteden, D(2020, 12, 31));

        Assert.Equal("Een besluit kan niet vóór de start van het contract (01-01-2021) worden genomen.", outcome.Error);
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
        Assert.Equal(D(2024, 6, 30), afterExtend.KeyDates.DecisionDeadline);
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

        var outcome = KeyDateRules.Decide(contract, RenewalDecisionKind.Verlengen, D(2022, 6, 1));
        var updated = Accepted(outcome);

        Assert.Equal(1, outcome.ExercisedOptionSequence);
        Assert.Equal(ContractStatus.Concept, updated.Status);
        Assert.Equal(D(2023, 12, 31), updated.KeyDates.CurrentEnd);
    }
}
