using ContractRegie.Core.Spending;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Spending;

public sealed class CumulativeSpendingTests
{
    // € 1.000 in January, € 500 in February, € 300 on 1 March; a line of another year does not count.
    private static readonly DailySpending[] Lines =
    [
        new(D(2026, 1, 10), 100_000), new(D(2026, 2, 3), 30_000), new(D(2026, 2, 20), 20_000), new(D(2026, 3, 1), 30_000), new(D(2025, 12, 31), 99_999),
    ];

    [Fact]
    public void Mid_year_adds_up_the_months_so_far_and_runs_the_projection_from_today_to_the_year_end()
    {
        // The year-end projection is handed in (RunRate makes it: 180.000 over 74 of 365 days is 887.838); it ends the line.
        const long yearEnd = 887_838;
        var months = CumulativeSpending.PerMonth(2026, Lines, D(2026, 3, 15), yearEnd);

        Assert.Equal([100_000, 150_000, 180_000, null, null, null, null, null, null, null, null, null], months.Select(m => m.CumulativeCents));
        Assert.Equal(yearEnd, months[11].ProjectedCents);
        // 31 March is 16 of the 291 days left after 15 March: 180.000 + 707.838 × 16 / 291 = 218.918,9 → 218.919.
        Assert.Equal(218_919, months[2].ProjectedCents);
        Assert.Null(months[0].ProjectedCents);
        Assert.Null(months[1].ProjectedCents);
        Assert.Equal(Enumerable.Range(1, 12), months.Select(m => m.Month));
    }

    [Fact]
    public void A_past_year_shows_every_month_and_no_projection_and_a_future_year_nothing()
    {
        var past = CumulativeSpending.PerMonth(2026, Lines, D(2027, 2, 1), 180_000);
        var future = CumulativeSpending.PerMonth(2026, Lines, D(2025, 11, 1), 180_000);

        Assert.Equal(180_000, past[11].CumulativeCents);
        Assert.Equal(150_000, past[1].CumulativeCents);
        Assert.All(past, m => Assert.Null(m.ProjectedCents));
        Assert.All(future, m => Assert.Null(m.CumulativeCents));
        Assert.All(future, m => Assert.Null(m.ProjectedCents));
    }

    [Fact]
    public void Credits_lower_the_running_total()
    {
        var months = CumulativeSpending.PerMonth(2026, [new(D(2026, 1, 5), 50_000), new(D(2026, 2, 5), -20_000)], D(2026, 12, 31), 30_000);

        Assert.Equal(50_000, months[0].CumulativeCents);
        Assert.Equal(30_000, months[1].CumulativeCents);
        Assert.Equal(30_000, months[11].CumulativeCents);
    }
}
