using ContractRegie.Core.Spending;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Spending;

public class BudgetPositionTests
{
    [Fact]
    public void Mid_year_projects_the_run_rate_to_year_end()
    {
        // 1 Jan – 30 Jun 2026 is 31+28+31+30+31+30 = 181 days; 600.000 × 365 / 181 = 1.209.944,75 → 1.209.945 cents.
        var position = BudgetPosition.Compute(2026, budgetCents: 1_000_000, spentCents: 600_000, asOf: D(2026, 6, 30));

        Assert.Equal(new BudgetPosition(2026, 1_000_000, 600_000, 1_209_945, 60.0m), position);
    }

    [Fact]
    public void A_leap_year_counts_366_days()
    {
        // 1 Jan – 1 Mar 2024 is 31+29+1 = 61 days; 122.000 × 366 / 61 = 732.000.
        var position = BudgetPosition.Compute(2024, 2_000_000, 122_000, D(2024, 3, 1));

        Assert.Equal(732_000, position.ProjectedCents);
        Assert.Equal(6.1m, position.ExhaustionPercent);
    }

    [Fact]
    public void A_past_year_projects_what_was_spent_and_a_future_year_nothing_more()
    {
        Assert.Equal(450_000, BudgetPosition.Compute(2025, 1_000_000, 450_000, D(2026, 6, 30)).ProjectedCents);
        Assert.Equal(10_000, BudgetPosition.Compute(2027, 1_000_000, 10_000, D(2026, 6, 30)).ProjectedCents);
    }

    [Fact]
    public void Without_a_budget_there_is_no_exhaustion()
    {
        var position = BudgetPosition.Compute(2026, null, 500_000, D(2026, 12, 31));

        Assert.Null(position.ExhaustionPercent);
        Assert.Equal(BudgetLevel.WithinBudget, position.Level(80m));
    }

    [Theory]
    [InlineData(799_999, BudgetLevel.WithinBudget)]
    [InlineData(800_000, BudgetLevel.NearlyExhausted)]
    [InlineData(1_000_000, BudgetLevel.NearlyExhausted)]
    [InlineData(1_000_001, BudgetLevel.Exceeded)]
    public void The_level_follows_the_threshold_and_the_budget(long spent, BudgetLevel level) =>
        Assert.Equal(level, BudgetPosition.Compute(2026, 1_000_000, spent, D(2026, 9, 1)).Level(80m));

    [Fact]
    public void The_threshold_is_configurable() =>
        Assert.Equal(BudgetLevel.NearlyExhausted, BudgetPosition.Compute(2026, 1_000_000, 700_000, D(2026, 9, 1)).Level(70m));
}
