using ContractRegie.Core.Contracts;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Contracts;

/// <summary>KeyDateRules.StatusOn: what a contract's status is on a given day (default contract ends 31 Dec 2022).</summary>
public class ContractStatusTests
{
    [Theory]
    [InlineData(2021, 6, 1, ContractStatus.Actief)]
    [InlineData(2022, 12, 30, ContractStatus.Actief)]
    [InlineData(2022, 12, 31, ContractStatus.Actief)]  // the last day still counts
    [InlineData(2023, 1, 1, ContractStatus.Verlopen)]
    [InlineData(2025, 1, 1, ContractStatus.Verlopen)]
    public void Active_contract_without_decision(int y, int m, int d, ContractStatus expected) =>
        Assert.Equal(expected, KeyDateRules.StatusOn(AContract(initialEnd: D(2022, 12, 31)), D(y, m, d)));

    [Theory]
    [InlineData(2023, 6, 1, ContractStatus.Actief)]   // past the initial end, within the extension
    [InlineData(2023, 12, 31, ContractStatus.Actief)]
    [InlineData(2024, 1, 1, ContractStatus.Verlopen)]
    public void Exercised_options_move_the_end(int y, int m, int d, ContractStatus expected) =>
        Assert.Equal(expected, KeyDateRules.StatusOn(
            AContract(initialEnd: D(2022, 12, 31), options: Options((12, true), (12, false))), D(y, m, d)));

    [Theory]
    [InlineData(RenewalDecisionKind.OpnieuwAanbesteden)]
    [InlineData(RenewalDecisionKind.Beeindigen)]
    [InlineData(RenewalDecisionKind.Omzetten)]
    public void Past_the_end_after_a_not_extend_decision_is_Beeindigd(RenewalDecisionKind decision)
    {
        var contract = AContract(initialEnd: D(2022, 12, 31), options: Options((12, false)), latestDecision: decision);

        Assert.Equal(ContractStatus.Actief, KeyDateRules.StatusOn(contract, D(2022, 12, 31)));
        Assert.Equal(ContractStatus.Beeindigd, KeyDateRules.StatusOn(contract, D(2023, 1, 1)));
    }

    [Fact]
    public void Past_the_end_after_the_last_extension_without_a_new_decision_is_Verlopen() =>
        Assert.Equal(ContractStatus.Verlopen, KeyDateRules.StatusOn(
            AContract(initialEnd: D(2022, 12, 31), options: Options((12, true)), latestDecision: RenewalDecisionKind.Verlengen),
            D(2024, 1, 1)));

    [Theory]
    [InlineData(2021, 6, 1)]
    [InlineData(2023, 1, 1)]
    [InlineData(2030, 1, 1)]
    public void Concept_stays_Concept(int y, int m, int d)
    {
        Assert.Equal(ContractStatus.Concept, KeyDateRules.StatusOn(AContract(status: ContractStatus.Concept), D(y, m, d)));
        Assert.Equal(ContractStatus.Concept, KeyDateRules.StatusOn(
            AContract(status: ContractStatus.Concept, latestDecision: RenewalDecisionKind.Beeindigen), D(y, m, d)));
    }

    [Theory]
    [InlineData(2021, 6, 1)]
    [InlineData(2023, 1, 1)]
    public void Beeindigd_stays_Beeindigd(int y, int m, int d) =>
        Assert.Equal(ContractStatus.Beeindigd, KeyDateRules.StatusOn(AContract(status: ContractStatus.Beeindigd), D(y, m, d)));

    [Fact]
    public void Verlopen_contract_within_its_current_term_is_Actief() =>
        Assert.Equal(ContractStatus.Actief, KeyDateRules.StatusOn(
            AContract(initialEnd: D(2022, 12, 31), options: Options((12, true)), status: ContractStatus.Verlopen), D(2023, 6, 1)));

    [Fact]
    public void Verlopen_contract_past_its_end_stays_Verlopen() =>
        Assert.Equal(ContractStatus.Verlopen, KeyDateRules.StatusOn(
            AContract(initialEnd: D(2022, 12, 31), status: ContractStatus.Verlopen), D(2023, 2, 1)));
}
