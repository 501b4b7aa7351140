using ContractRegie.Core.Contracts;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Contracts;

public class FrameworkTermTests
{
    [Theory]
    [InlineData(12, false)] // 1 Jan 2021 – 31 Dec 2022 + 24 months = 31 Dec 2024: exactly four years
    [InlineData(13, true)]  // + 25 months = 31 Jan 2025
    public void An_open_procedure_framework_past_four_years_including_options_is_a_warning(int secondOption, bool warned)
    {
        var contract = AContract(start: D(2021, 1, 1), initialEnd: D(2022, 12, 31), options: Options((12, false), (secondOption, false)))
            with { ProcurementRoute = ProcurementRoute.OpenbareProcedure };

        Assert.Equal(warned, contract.Warnings.Count == 1);
        if (warned)
        {
            Assert.Equal("Een raamovereenkomst via een Europese openbare procedure loopt inclusief opties hoogstens 4 jaar (tot 31-12-2024); "
                         + "dit contract loopt tot 31-01-2025.", contract.Warnings[0]);
        }
    }

    [Theory]
    [InlineData(ProcurementRoute.SocialeEnAndereSpecifiekeDiensten)]
    [InlineData(ProcurementRoute.OpenHouse)]
    [InlineData(ProcurementRoute.BestuurlijkAanbesteden)]
    [InlineData(ProcurementRoute.EnkelvoudigOnderhands)]
    public void Routes_without_the_four_year_limit_give_no_warning(ProcurementRoute route) =>
        Assert.Empty((AContract(start: D(2021, 1, 1), initialEnd: D(2022, 12, 31), options: Options((24, false), (24, false))) with { ProcurementRoute = route }).Warnings);
}
