using ContractRegie.Core.Spending;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Spending;

public sealed class RunRateTests
{
    [Fact]
    public void A_contract_starting_mid_year_projects_from_its_start_with_the_declaration_lag()
    {
        // Runs 1 Apr – 31 Dec 2026: 30+31+30+31+31+30+31+30+31 = 275 days. On 31 July with a lag of 30 days the rate is
        // observed up to 1 July: 1 Apr – 1 Jul is 30+31+30+1 = 92 days. 920.000 in 92 days is 10.000 a day → 2.750.000.
        var rate = RunRate.For(2026, D(2026, 4, 1), D(2027, 12, 31), D(2026, 7, 31), lagDays: 30);

        Assert.Equal(new RunRate(D(2026, 4, 1), D(2026, 12, 31), D(2026, 7, 1)), rate);
        Assert.Equal(2_750_000, rate.Project(spentCents: 1_000_000, observedCents: 920_000));
    }

    [Fact]
    public void The_whole_year_rate_counts_from_1_January()
    {
        // The same spending over 1 Jan – 1 Jul (182 days) and the whole year (365): 920.000 × 365 / 182 = 1.845.054,9.
        Assert.Equal(1_845_055, RunRate.WholeYear(2026, D(2026, 7, 1)).Project(920_000, 920_000));
    }

    [Fact]
    public void A_contract_ending_mid_year_projects_to_its_end()
    {
        // Runs 1 Jan – 30 Jun 2026 (181 days); observed 1 Jan – 31 Mar (90 days): 900.000 / 90 × 181 = 1.810.000.
        Assert.Equal(1_810_000, RunRate.For(2026, D(2020, 1, 1), D(2026, 6, 30), D(2026, 3, 31), 0).Project(900_000, 900_000));
    }

    [Fact]
    public void Before_anything_is_observed_or_once_everything_is_the_projection_is_what_is_spent()
    {
        // Starts 15 July; on 1 August with a lag of 30 days nothing after 2 July is observed yet.
        Assert.Equal(40_000, RunRate.For(2026, D(2026, 7, 15), D(2028, 1, 1), D(2026, 8, 1), 30).Project(40_000, 0));
        // A year that is over and observed to its end.
        Assert.Equal(40_000, RunRate.For(2025, D(2020, 1, 1), D(2028, 1, 1), D(2026, 3, 1), 30).Project(40_000, 35_000));
    }

    [Fact]
    public void The_projection_is_never_below_what_is_spent()
    {
        // Observed 1 – 31 January: 10.000 × 365 / 31 = 117.742, less than the 500.000 already declared.
        Assert.Equal(500_000, RunRate.For(2026, D(2020, 1, 1), D(2028, 1, 1), D(2026, 2, 10), 10).Project(500_000, 10_000));
    }
}
