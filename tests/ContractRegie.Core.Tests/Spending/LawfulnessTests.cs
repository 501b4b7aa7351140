using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;

namespace ContractRegie.Core.Tests.Spending;

public class LawfulnessTests
{
    // Wmo 2026: clean 1.000,00; no allocation 20,00; off the tariff 15,00; a credit matching nothing −5,00. Jeugdwet: clean 500,00.
    private static readonly LawfulnessTotal[] Totals =
    [
        new(Law.Wmo, null, 100_000, 10), new(Law.Wmo, SpendingExceptionKind.NoAllocation, 2_000, 1),
        new(Law.Wmo, SpendingExceptionKind.AmountDeviatesFromTariff, 1_500, 1), new(Law.Wmo, SpendingExceptionKind.CreditReversesNothing, -500, 1),
        new(Law.Jeugdwet, null, 50_000, 2),
    ];

    [Fact]
    public void Per_law_the_total_the_amount_per_kind_and_the_threshold_are_worked_out()
    {
        var wmo = LawfulnessYear.Compute(2026, Totals, 3m).Single(y => y.Law == Law.Wmo);

        // Spent 1.000,00 + 20,00 + 15,00 − 5,00 = 1.030,00; unlawful 20,00; uncertain 15,00 + 5,00 = 20,00;
        // 3 % of 1.030,00 = 30,90, and 40,00 is more.
        Assert.Equal((103_000L, 2_000L, 2_000L, 3_090L, true), (wmo.SpentCents, wmo.UnlawfulCents, wmo.UncertainCents, wmo.ThresholdCents, wmo.ExceedsThreshold));
        Assert.Equal(
            [(SpendingExceptionKind.AmountDeviatesFromTariff, LawfulnessClass.Uncertain, 1_500L), (SpendingExceptionKind.CreditReversesNothing, LawfulnessClass.Uncertain, -500L),
             (SpendingExceptionKind.NoAllocation, LawfulnessClass.Unlawful, 2_000L)],
            wmo.Amounts.Select(a => (a.Kind, a.Class, a.AmountCents)));
    }

    [Fact]
    public void At_or_below_the_threshold_nothing_needs_reporting()
    {
        // 4 % of 1.030,00 = 41,20 ≥ 40,00; Jeugdwet has no exceptions at all (4 % of 500,00 is 20,00).
        var years = LawfulnessYear.Compute(2026, Totals, 4m);

        Assert.Equal([(Law.Wmo, false, 4_120L), (Law.Jeugdwet, false, 2_000L)], years.Select(y => (y.Law, y.ExceedsThreshold, y.ThresholdCents)));
    }

    [Fact]
    public void Sums_of_the_largest_amounts_do_not_overflow()
    {
        LawfulnessTotal[] huge = [new(Law.Wmo, null, long.MaxValue / 2, 1), new(Law.Wmo, SpendingExceptionKind.NoAllocation, long.MaxValue / 4, 1)];

        var wmo = Assert.Single(LawfulnessYear.Compute(2026, huge, 3m));

        Assert.True(wmo.ExceedsThreshold);
    }
}
