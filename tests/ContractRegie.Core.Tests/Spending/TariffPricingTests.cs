using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Spending;

/// <summary>
/// The tariff rule: the line valid on the day, indexed per calendar year after its valid-from year, rounded to cents each
/// year; a delivery crossing a change of line or year is priced per part, the volume shared by days. Expectations are
/// worked out by hand in the comments.
/// </summary>
public class TariffPricingTests
{
    private const string Agb = "87654321";

    private static TariffLine Tariff(long cents, DateOnly from, DateOnly? to = null, decimal indexation = 0m, long id = 0) => new()
    {
        Id = id, ContractId = 1, ProductCategory = "45", ProductCode = "45A53", Unit = TariffUnit.Uur, PriceCents = cents, ValidFrom = from,
        ValidTo = to, IndexationPercent = indexation,
    };

    private static SpendingLine Line(DateOnly start, DateOnly end, decimal volume, long amount) => new()
    {
        ProviderAgbCode = Agb, MunicipalityCode = "0141", Law = Law.Wmo, ProductCategory = "45", ProductCode = "45A53",
        DeliveryStart = start, DeliveryEnd = end, Volume = volume, Unit = SpendingUnit.Uur, AmountCents = amount, DeclarationNumber = "D1",
    };

    // The default contract (TestData) with its 12-month option exercised runs 1 Jan 2021 – 31 Dec 2023.
    private static SpendingMatcher Matcher(params TariffLine[] tariffs) =>
        new([new MatchableContract(AContract(options: Options((12, true))), Agb, tariffs)], TariffTolerance.Default);

    [Theory]
    [InlineData(2021, 7_250)]   // before its first year: the base price
    [InlineData(2022, 7_250)]   // the valid-from year
    [InlineData(2023, 7_486)]   // 72,50 × 1,0325 = 74,85625 → 74,86
    [InlineData(2024, 7_729)]   // 74,86 × 1,0325 = 77,29295 → 77,29
    public void The_price_is_indexed_once_per_calendar_year_after_the_valid_from_year(int year, long cents) =>
        Assert.Equal(cents, Tariff(7_250, D(2022, 3, 1), indexation: 3.25m).PriceCentsIn(year));

    [Fact]
    public void Indexation_over_centuries_stays_within_the_money_range() =>
        Assert.Equal(Money.MaxCents, Tariff(Money.MaxCents / 2, D(2000, 1, 1), indexation: 100m).PriceCentsIn(9999));

    [Fact]
    public void The_indexed_price_of_january_is_no_false_alarm()
    {
        // From 1-3-2022 at 72,50 with 3,25 %: in 2023 74,86; 10 hours in January 2023 is 748,60.
        var matcher = Matcher(Tariff(7_250, D(2022, 3, 1), indexation: 3.25m));

        Assert.True(matcher.Match(Line(D(2023, 1, 1), D(2023, 1, 31), 10m, 74_860)).IsClean);
        Assert.False(matcher.Match(Line(D(2023, 1, 1), D(2023, 1, 31), 10m, 72_500)).IsClean);
    }

    [Fact]
    public void A_delivery_across_new_year_is_priced_per_year()
    {
        // 10 % indexation from 2022: 72,50 in 2022, 79,75 in 2023. 17-12-2022 – 15-01-2023 is 15 + 15 days, so 30 hours
        // are 15 × 72,50 + 15 × 79,75 = 1.087,50 + 1.196,25 = 2.283,75. Declared 2.500,00: 216,25 off, beyond 1 % (22,84).
        var matcher = Matcher(Tariff(7_250, D(2022, 1, 1), indexation: 10m));

        Assert.True(matcher.Match(Line(D(2022, 12, 17), D(2023, 1, 15), 30m, 228_375)).IsClean);
        var exception = Assert.Single(matcher.Match(Line(D(2022, 12, 17), D(2023, 1, 15), 30m, 250_000)).Exceptions);
        Assert.Equal("Bedrag € 2.500,00 wijkt € 216,25 af van 15 × € 72,50 + 15 × € 79,75 = € 2.283,75.", exception.Reason);
    }

    [Fact]
    public void A_delivery_across_two_tariff_lines_is_priced_per_line()
    {
        // 70,00 until 30-6-2023, 80,00 from 1-7-2023. 21-6 – 10-7 is 10 + 10 days: 20 hours are 10 × 70,00 + 10 × 80,00 = 1.500,00.
        // The first day's tariff alone would expect 1.400,00, 100,00 off.
        var matcher = Matcher(Tariff(7_000, D(2023, 1, 1), D(2023, 6, 30)), Tariff(8_000, D(2023, 7, 1)));

        Assert.True(matcher.Match(Line(D(2023, 6, 21), D(2023, 7, 10), 20m, 150_000)).IsClean);
        Assert.False(matcher.Match(Line(D(2023, 6, 21), D(2023, 7, 10), 20m, 140_000)).IsClean);
    }

    [Fact]
    public void A_new_line_for_a_year_overrides_the_indexation()
    {
        // Indexed, 2023 would be 79,75; the line from 2023 says 76,00: 10 hours are 760,00.
        var matcher = Matcher(Tariff(7_250, D(2022, 1, 1), D(2022, 12, 31), indexation: 10m), Tariff(7_600, D(2023, 1, 1)));

        Assert.True(matcher.Match(Line(D(2023, 2, 1), D(2023, 2, 28), 10m, 76_000)).IsClean);
        Assert.False(matcher.Match(Line(D(2023, 2, 1), D(2023, 2, 28), 10m, 79_750)).IsClean);
    }

    [Fact]
    public void A_day_without_a_tariff_leaves_nothing_to_compare_with() =>
        Assert.True(Matcher(Tariff(7_000, D(2023, 1, 1), D(2023, 6, 30)), Tariff(8_000, D(2023, 7, 5)))
            .Match(Line(D(2023, 6, 21), D(2023, 7, 10), 20m, 1)).IsClean);

    [Fact]
    public void An_absurd_volume_at_an_absurd_price_does_not_overflow()
    {
        var price = TariffPricing.Price(Line(D(2023, 1, 1), D(2023, 1, 31), 9_999_999_999.99m, 1), [Tariff(Money.MaxCents, D(2023, 1, 1))], out _);

        Assert.Equal(Money.MaxCents, price!.ExpectedCents);
    }

    [Theory]
    [InlineData(2023, 1, 1, null, true)]      // open-ended, starts inside
    [InlineData(2022, 1, 1, "2022-12-31", false)]
    [InlineData(2022, 1, 1, "2023-01-01", true)] // shares 1 January
    [InlineData(2024, 7, 1, null, true)]
    public void Lines_of_one_product_may_not_overlap(int year, int month, int day, string? to, bool overlaps)
    {
        TariffLine[] stored = [Tariff(7_250, D(2023, 1, 1), D(2024, 12, 31), id: 7)];
        var line = Tariff(7_500, D(year, month, day), to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var errors = line.Validate(stored);

        Assert.Equal(overlaps, !errors.IsEmpty);
        if (overlaps)
        {
            Assert.Equal("validFrom: Overlapt met het tarief voor 45/45A53 dat geldt van 01-01-2023 tot en met 31-12-2024; "
                + "tarieven van één product mogen elkaar niet overlappen.", errors.ToString());
        }
    }

    [Fact]
    public void A_line_does_not_overlap_itself_nor_another_product()
    {
        TariffLine[] stored = [Tariff(7_250, D(2023, 1, 1), id: 7), Tariff(7_250, D(2023, 1, 1), id: 8) with { ProductCode = "45A54" }];

        Assert.True((stored[0] with { PriceCents = 8_000 }).Validate(stored[..1]).IsEmpty);
        Assert.True((stored[1] with { Id = 0 }).Validate(stored[..1]).IsEmpty);
    }

    [Theory]
    [InlineData(100_000_000, 10, true)]      // € 1.000.000,00 exactly
    [InlineData(100_000_001, 10, false)]
    [InlineData(72_500, 1_000_000, true)]
    [InlineData(72_500, 1_000_000.01, false)]
    public void A_line_stays_within_the_maximum_amount_and_volume(long cents, double volume, bool fine)
    {
        var problems = SpendingLimits.Default.Check(Line(D(2023, 1, 1), D(2023, 1, 31), (decimal)volume, cents));

        Assert.Equal(fine, problems.Count == 0);
    }

    [Fact]
    public void The_maximum_is_said_in_euros() =>
        Assert.Equal("Bedrag € 1.000.000,01 is hoger dan het maximum van € 1.000.000,00 per regel (Spending:MaxLineAmount).",
            Assert.Single(SpendingLimits.Default.Check(Line(D(2023, 1, 1), D(2023, 1, 31), 1m, 100_000_001))).Message);
}
