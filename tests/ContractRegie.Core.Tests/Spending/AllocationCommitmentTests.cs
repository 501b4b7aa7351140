using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Spending;

public sealed class AllocationCommitmentTests
{
    private static readonly DateOnly AsOf = D(2026, 6, 30);

    // € 72,50 an hour from 2026; € 150,00 a day from 2025, indexed by 4 %: € 156,00 in 2026.
    private static readonly TariffLine[] Tariffs =
    [
        new() { ProductCategory = "45", ProductCode = "45A53", Unit = TariffUnit.Uur, PriceCents = 7_250, ValidFrom = D(2026, 1, 1) },
        new() { ProductCategory = "43", ProductCode = "43A31", Unit = TariffUnit.Etmaal, PriceCents = 15_000, ValidFrom = D(2025, 1, 1), IndexationPercent = 4m },
    ];

    private static Allocation Hours(AllocationFrequency frequency, decimal volume, DateOnly start, DateOnly? end = null) => new()
    {
        MunicipalityCode = "0141", ProviderAgbCode = "12345678", Law = Law.Wmo, AllocationNumber = "T1", ClientPseudonym = "p",
        ProductCategory = "45", ProductCode = "45A53", StartDate = start, EndDate = end, Volume = volume, Unit = SpendingUnit.Uur, Frequency = frequency,
    };

    private static long Commitment(Allocation allocation, DateOnly? contractEnd = null) =>
        AllocationCommitment.RestOfYearCents(allocation, 2026, AsOf, D(2021, 1, 1), contractEnd ?? D(2027, 12, 31), Tariffs);

    [Fact]
    public void Per_week_counts_the_rest_of_the_year_pro_rata()
    {
        // 1 Jul – 31 Dec is 184 days: 2 uur × 184 / 7 = 52,571… uur × 72,50 = 3.811,43.
        Assert.Equal(381_143, Commitment(Hours(AllocationFrequency.PerWeek, 2, D(2026, 1, 1))));
    }

    [Fact]
    public void Per_month_counts_each_month_by_its_days_up_to_the_allocations_end()
    {
        // July and August whole, 1 – 15 September is 15/30: 2,5 months × 10 uur = 25 uur × 72,50 = 1.812,50.
        Assert.Equal(181_250, Commitment(Hours(AllocationFrequency.PerMaand, 10, D(2026, 1, 1), D(2026, 9, 15))));
    }

    [Fact]
    public void A_total_is_spread_over_the_allocations_days()
    {
        // 1 May – 31 Aug is 31+30+31+31 = 123 days, 62 of them after 30 June: 40 × 62 / 123 = 20,163 uur × 72,50 = 1.461,79.
        Assert.Equal(146_179, Commitment(Hours(AllocationFrequency.Totaal, 40, D(2026, 5, 1), D(2026, 8, 31))));
    }

    [Fact]
    public void Per_day_is_priced_at_the_indexed_tariff_of_the_year()
    {
        var allocation = Hours(AllocationFrequency.PerDag, 1, D(2026, 12, 1)) with { ProductCategory = "43", ProductCode = "43A31", Unit = SpendingUnit.Etmaal };

        // 1 – 31 December: 31 etmalen × (150,00 × 1,04 = 156,00) = 4.836,00.
        Assert.Equal(483_600, Commitment(allocation));
    }

    [Fact]
    public void The_contracts_end_cuts_the_commitment_off()
    {
        // 1 Jul – 30 Sep is 92 days: 7 uur × 92 / 7 = 92 uur × 72,50 = 6.670,00.
        Assert.Equal(667_000, Commitment(Hours(AllocationFrequency.PerWeek, 7, D(2026, 1, 1)), contractEnd: D(2026, 9, 30)));
    }

    [Fact]
    public void An_allocation_in_euros_commits_its_amount()
    {
        // € 500 a month for July – December.
        Assert.Equal(300_000, Commitment(Hours(AllocationFrequency.PerMaand, 500, D(2026, 1, 1)) with { Unit = SpendingUnit.Euro }));
    }

    [Fact]
    public void Nothing_is_committed_without_a_product_code_a_tariff_or_days_left()
    {
        Assert.Equal(0, Commitment(Hours(AllocationFrequency.PerWeek, 2, D(2026, 1, 1)) with { ProductCode = null }));
        Assert.Equal(0, Commitment(Hours(AllocationFrequency.PerWeek, 2, D(2026, 1, 1)) with { ProductCode = "45A99" }));
        Assert.Equal(0, Commitment(Hours(AllocationFrequency.PerWeek, 2, D(2026, 1, 1), D(2026, 6, 30))));
        Assert.Equal(0, Commitment(Hours(AllocationFrequency.PerWeek, 2, D(2027, 1, 1))));
    }
}
