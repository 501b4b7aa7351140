using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Spending;

/// <summary>
/// The default contract (TestData) runs 1 Jan 2021 – 31 Dec 2022 with a 12-month option exercised here, so its
/// current end is 31 Dec 2023. It contracts product 45/45A53 at € 72,50 per hour.
/// </summary>
public class SpendingMatcherTests
{
    private const string Agb = "87654321";

    private static readonly TariffLine Hourly = new()
    {
        ContractId = 1, ProductCategory = "45", ProductCode = "45A53", Unit = TariffUnit.Uur, PriceCents = 7250, ValidFrom = D(2021, 1, 1),
    };

    private static Contract Contract => AContract(options: Options((12, true)));

    private static SpendingMatcher Matcher(params MatchableContract[] contracts) => new(contracts, TariffTolerance.Default);

    private static SpendingMatcher Default => Matcher(new MatchableContract(Contract, Agb, [Hourly]));

    private static SpendingLine Line(
        decimal volume = 10m, long amount = 72_500, SpendingUnit unit = SpendingUnit.Uur, string agb = Agb, Law law = Law.Wmo,
        string code = "45A53", DateOnly? start = null, DateOnly? end = null) => new()
        {
            ProviderAgbCode = agb, MunicipalityCode = "0141", Law = law, ProductCategory = "45", ProductCode = code,
            DeliveryStart = start ?? D(2023, 3, 1), DeliveryEnd = end ?? D(2023, 3, 31), Volume = volume, Unit = unit,
            AmountCents = amount, DeclarationNumber = "D1",
        };

    [Fact]
    public void Volume_times_tariff_within_the_period_matches_cleanly()
    {
        var match = Default.Match(Line(volume: 10m, amount: 72_500));

        Assert.Equal(1, match.ContractId);
        Assert.True(match.IsClean);
    }

    [Fact]
    public void A_difference_within_one_percent_is_tolerated()
    {
        // 10 × 72,50 = 725,00; 1 % is 7,25 (more than the € 1,00 minimum); 730,00 differs 5,00.
        Assert.True(Default.Match(Line(amount: 73_000)).IsClean);
        Assert.True(Default.Match(Line(amount: 73_225)).IsClean);
    }

    [Fact]
    public void A_difference_beyond_the_tolerance_is_an_exception_with_the_figures()
    {
        // 740,00 − 725,00 = 15,00 > 7,25.
        var match = Default.Match(Line(amount: 74_000));

        var exception = Assert.Single(match.Exceptions);
        Assert.Equal(SpendingExceptionKind.AmountDeviatesFromTariff, exception.Kind);
        Assert.Equal("Bedrag € 740,00 wijkt € 15,00 af van 10 × € 72,50 = € 725,00.", exception.Reason);
        Assert.Equal(1, match.ContractId);
    }

    [Fact]
    public void Small_lines_get_the_minimum_tolerance_of_one_euro()
    {
        // 1 × 72,50: 1 % would be 0,73, the minimum is 1,00; 73,50 is within, 73,51 is not.
        Assert.True(Default.Match(Line(volume: 1m, amount: 7_350)).IsClean);
        Assert.False(Default.Match(Line(volume: 1m, amount: 7_351)).IsClean);
    }

    [Fact]
    public void Minutes_are_priced_at_the_hourly_tariff()
    {
        // 90 minutes = 1,5 hours × 72,50 = 108,75.
        Assert.True(Default.Match(Line(volume: 90m, amount: 10_875, unit: SpendingUnit.Minuut)).IsClean);
        Assert.False(Default.Match(Line(volume: 90m, amount: 7_250, unit: SpendingUnit.Minuut)).IsClean);
    }

    [Fact]
    public void A_credit_is_compared_by_its_size()
    {
        var credit = Line(amount: 72_500) with { DebetCredit = DebetCredit.Credit };

        Assert.True(Default.Match(credit).IsClean);
    }

    [Fact]
    public void Another_unit_than_the_tariff_is_an_exception() =>
        Assert.Equal(SpendingExceptionKind.AmountDeviatesFromTariff, Assert.Single(Default.Match(Line(unit: SpendingUnit.Etmaal)).Exceptions).Kind);

    [Fact]
    public void A_declaration_in_euros_has_no_tariff_to_compare_with() =>
        Assert.True(Default.Match(Line(volume: 123m, amount: 12_300, unit: SpendingUnit.Euro)).IsClean);

    [Theory]
    [InlineData("11111111", Law.Wmo, "45A53")]
    [InlineData(Agb, Law.Jeugdwet, "45A53")]
    [InlineData(Agb, Law.Wmo, "45A54")]
    public void Another_provider_law_or_product_has_no_contract(string agb, Law law, string code)
    {
        var match = Default.Match(Line(agb: agb, law: law, code: code));

        Assert.Null(match.ContractId);
        Assert.Equal(SpendingExceptionKind.NoMatchingContract, Assert.Single(match.Exceptions).Kind);
    }

    [Fact]
    public void A_concept_contract_does_not_match() =>
        Assert.Null(Matcher(new MatchableContract(Contract with { Status = ContractStatus.Concept }, Agb, [Hourly])).Match(Line()).ContractId);

    [Fact]
    public void Delivery_after_the_current_end_is_outside_the_period_of_the_nearest_contract()
    {
        // Current end is the initial end 31-12-2022 plus the exercised 12 months.
        var match = Default.Match(Line(start: D(2023, 12, 15), end: D(2024, 1, 14)));

        var exception = Assert.Single(match.Exceptions);
        Assert.Equal(SpendingExceptionKind.DeliveryOutsideContractPeriod, exception.Kind);
        Assert.Equal("Levering 15-12-2023 t/m 14-01-2024 valt buiten de looptijd van contract WMO-2021-001 (01-01-2021 t/m 31-12-2023).", exception.Reason);
        Assert.Equal(1, match.ContractId);
    }

    [Fact]
    public void An_unexercised_option_does_not_extend_the_period() =>
        Assert.Equal(SpendingExceptionKind.DeliveryOutsideContractPeriod,
            Assert.Single(Matcher(new MatchableContract(AContract(options: Options((12, false))), Agb, [Hourly]))
                .Match(Line(start: D(2023, 1, 1), end: D(2023, 1, 31))).Exceptions).Kind);

    [Fact]
    public void The_successor_contract_takes_the_lines_of_its_own_period()
    {
        var old = new MatchableContract(AContract(initialEnd: D(2022, 12, 31)), Agb, [Hourly]);
        var successor = new MatchableContract(
            AContract(start: D(2023, 1, 1), initialEnd: D(2026, 12, 31), contractNumber: "WMO-2023-007") with { Id = 2 }, Agb,
            [Hourly with { ContractId = 2, PriceCents = 8000, ValidFrom = D(2023, 1, 1) }]);
        var matcher = Matcher(old, successor);

        Assert.Equal((1L, true), Pair(matcher.Match(Line(start: D(2022, 5, 1), end: D(2022, 5, 31), amount: 72_500))));
        // In 2023 the successor's € 80,00 applies: 10 × 80,00 = 800,00.
        Assert.Equal((2L, true), Pair(matcher.Match(Line(amount: 80_000))));
        Assert.Equal((2L, false), Pair(matcher.Match(Line(amount: 72_500))));
    }

    [Fact]
    public void The_tariff_valid_on_the_first_delivery_day_is_used()
    {
        var indexed = new MatchableContract(Contract, Agb,
            [Hourly with { ValidTo = D(2022, 12, 31) }, Hourly with { PriceCents = 7500, ValidFrom = D(2023, 1, 1) }]);

        // 10 × 75,00 = 750,00 in 2023.
        Assert.True(Matcher(indexed).Match(Line(amount: 75_000)).IsClean);
        Assert.False(Matcher(indexed).Match(Line(amount: 72_500)).IsClean);
    }

    [Fact]
    public void A_municipality_the_contract_does_not_cover_is_an_exception_on_that_contract()
    {
        // The contract is for Almelo (0141) and Hof van Twente (1735); Enschede is 0153.
        var match = Default.Match(Line() with { MunicipalityCode = "0153" });

        var exception = Assert.Single(match.Exceptions);
        Assert.Equal((SpendingExceptionKind.MunicipalityNotCovered, (long?)1), (exception.Kind, match.ContractId));
        Assert.Equal("Gemeente Enschede (0153) neemt niet deel aan contract WMO-2021-001 (Almelo, Hof van Twente).", exception.Reason);
        Assert.True(Default.Match(Line() with { MunicipalityCode = "1735" }).IsClean);
    }

    private static (long?, bool) Pair(SpendingMatch match) => (match.ContractId, match.IsClean);
}
