using ContractRegie.Core.Contracts;
using static ContractRegie.Core.Tests.Contracts.ContractBuilder;

namespace ContractRegie.Core.Tests.Contracts;

public sealed class ContractValidationTests
{
    private static IReadOnlyCollection<string> Fields(Contract contract) => contract.Validate().ToDictionary().Keys.ToList();

    [Fact]
    public void A_complete_contract_is_valid() => Assert.Empty(Fields(AContract(options: [12, 12], exercised: 1)));

    [Fact]
    public void An_end_before_the_start_is_an_error_on_the_end() =>
        Assert.Equal(["initialEndDate"], Fields(AContract(start: "2026-01-01", end: "2025-12-31")));

    [Fact]
    public void A_one_day_contract_is_allowed() => Assert.Empty(Fields(AContract(start: "2026-01-01", end: "2026-01-01")));

    [Theory]
    [InlineData("141")]
    [InlineData("01410")]
    [InlineData("Almelo")]
    public void Municipalities_are_four_digit_cbs_codes(string code) =>
        Assert.Equal(["municipalities"], Fields(AContract() with { Municipalities = [code] }));

    [Fact]
    public void A_municipality_may_not_appear_twice() =>
        Assert.Equal(["municipalities"], Fields(AContract() with { Municipalities = ["0141", "0141"] }));

    [Fact]
    public void At_least_one_municipality_is_required() =>
        Assert.Equal(["municipalities"], Fields(AContract() with { Municipalities = [] }));

    [Fact]
    public void Options_are_numbered_in_order() =>
        Assert.Equal(["extensionOptions[1].sequence"],
            Fields(AContract() with { ExtensionOptions = [new ExtensionOption(1, 12, false), new ExtensionOption(3, 12, false)] }));

    [Fact]
    public void An_option_cannot_be_exercised_before_the_one_before_it() =>
        Assert.Equal(["extensionOptions[1].exercised"],
            Fields(AContract() with { ExtensionOptions = [new ExtensionOption(1, 12, false), new ExtensionOption(2, 12, true)] }));

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void The_notice_period_is_between_0_and_60_months(int months) =>
        Assert.Equal(["noticePeriodMonths"], Fields(AContract(notice: months)));

    [Fact]
    public void Missing_number_title_and_provider_are_each_reported() =>
        Assert.Equal(["contractNumber", "providerId", "title"],
            Fields(AContract() with { ContractNumber = " ", Title = "", ProviderId = 0 }).Order());
}
