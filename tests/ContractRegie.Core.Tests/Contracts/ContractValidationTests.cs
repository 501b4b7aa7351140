using ContractRegie.Core.Contracts;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Contracts;

public class ContractValidationTests
{
    [Fact]
    public void The_default_contract_is_valid() => AssertValid(AContract().Validate());

    [Fact]
    public void A_contract_with_options_in_order_is_valid() =>
        AssertValid(AContract(options: Options((12, true), (12, true), (24, false))).Validate());

    [Fact]
    public void End_before_start_is_rejected() =>
        AssertErrorsOn(AContract(start: D(2023, 1, 1), initialEnd: D(2022, 12, 31)).Validate(), "initialEndDate");

    [Fact]
    public void End_on_the_start_day_is_allowed() =>
        AssertValid(AContract(start: D(2023, 1, 1), initialEnd: D(2023, 1, 1)).Validate());

    [Theory]
    [InlineData("141")]
    [InlineData("01410")]
    [InlineData("GM0141")]
    [InlineData("01a1")]
    [InlineData("")]
    public void Bad_municipality_code_is_rejected(string code) =>
        AssertErrorsOn(AContract(municipalities: ["0141", code]).Validate(), "municipalities");

    [Fact]
    public void Duplicate_municipality_is_rejected() =>
        AssertErrorsOn(AContract(municipalities: ["0141", "1735", "0141"]).Validate(), "municipalities");

    [Fact]
    public void At_least_one_municipality_is_required() =>
        AssertErrorsOn(AContract(municipalities: []).Validate(), "municipalities");

    [Fact]
    public void Options_out_of_sequence_are_rejected()
    {
        var options = new[] { new ExtensionOption(1, 12, false), new ExtensionOption(3, 12, false) };
        AssertErrorsOn(AContract(options: options).Validate(), "extensionOptions[1].sequence");
    }

    [Fact]
    public void Options_numbered_from_zero_are_rejected()
    {
        var options = new[] { new ExtensionOption(0, 12, false), new ExtensionOption(1, 12, false) };
        AssertErrorsOn(AContract(options: options).Validate(), "extensionOptions[0].sequence", "extensionOptions[1].sequence");
    }

    [Fact]
    public void Options_listed_in_reverse_order_are_rejected()
    {
        var options = new[] { new ExtensionOption(2, 12, false), new ExtensionOption(1, 12, false) };
        AssertErrorsOn(AContract(options: options).Validate(), "extensionOptions[0].sequence", "extensionOptions[1].sequence");
    }

    [Fact]
    public void Exercised_option_after_an_unexercised_one_is_rejected() =>
        AssertErrorsOn(AContract(options: Options((12, false), (12, true))).Validate(), "extensionOptions[1].exercised");

    [Fact]
    public void Exercised_third_option_after_an_unexercised_second_is_rejected() =>
        AssertErrorsOn(AContract(options: Options((12, true), (12, false), (12, true))).Validate(), "extensionOptions[2].exercised");

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    [InlineData(-12)]
    public void Option_duration_out_of_range_is_rejected(int months) =>
        AssertErrorsOn(AContract(options: Options((12, false), (months, false))).Validate(), "extensionOptions[1].durationMonths");

    [Theory]
    [InlineData(1)]
    [InlineData(120)]
    public void Option_duration_at_the_bounds_is_allowed(int months) =>
        AssertValid(AContract(options: Options((months, false))).Validate());

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    [InlineData(120)]
    public void Notice_period_out_of_range_is_rejected(int months) =>
        AssertErrorsOn(AContract(noticeMonths: months).Validate(), "noticePeriodMonths");

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public void Notice_period_at_the_bounds_is_allowed(int months) =>
        AssertValid(AContract(noticeMonths: months).Validate());

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void Procurement_lead_time_out_of_range_is_rejected(int months) =>
        AssertErrorsOn(AContract(leadTimeMonths: months).Validate(), "procurementLeadTimeMonths");

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public void Procurement_lead_time_at_the_bounds_is_allowed(int months) =>
        AssertValid(AContract(leadTimeMonths: months).Validate());

    [Fact]
    public void Provider_is_required() =>
        AssertErrorsOn(AContract(providerId: 0).Validate(), "providerId");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Contract_number_is_required(string number) =>
        AssertErrorsOn(AContract(contractNumber: number).Validate(), "contractNumber");

    [Fact]
    public void Contract_number_longer_than_50_characters_is_rejected()
    {
        AssertValid(AContract(contractNumber: new string('9', 50)).Validate());
        AssertErrorsOn(AContract(contractNumber: new string('9', 51)).Validate(), "contractNumber");
    }

    [Fact]
    public void Title_is_required() =>
        AssertErrorsOn(AContract(title: " ").Validate(), "title");

    [Fact]
    public void Several_problems_are_all_reported() =>
        AssertErrorsOn(
            AContract(start: D(2023, 1, 1), initialEnd: D(2022, 1, 1), noticeMonths: 61, municipalities: ["141"]).Validate(),
            "initialEndDate", "noticePeriodMonths", "municipalities");
}
