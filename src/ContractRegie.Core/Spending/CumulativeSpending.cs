namespace ContractRegie.Core.Spending;

/// <summary>One month of a year's spending chart: spent up to the month's end (null after today), and the projection (null before this month).</summary>
public sealed record SpendingMonth(int Month, long? CumulativeCents, long? ProjectedCents);

/// <summary>A year's spending on one contract, day by day as delivered, for the chart against its budget.</summary>
public sealed record DailySpending(DateOnly DeliveryStart, long Cents);

/// <summary>
/// Cumulative spending per month of one year, and the road to the year-end projection (<see cref="BudgetPosition.ProjectedCents"/>
/// of the contract's reconciliation): from what is spent on <c>asOf</c> straight to the projection, which is the run-rate
/// line. A past year has no projection left, a future year nothing spent yet.
/// </summary>
public static class CumulativeSpending
{
    public static IReadOnlyList<SpendingMonth> PerMonth(int year, IEnumerable<DailySpending> spent, DateOnly asOf, long projected)
    {
        var lines = spent.Where(s => s.DeliveryStart.Year == year).ToList();
        var total = lines.Sum(s => s.Cents);
        var firstDay = new DateOnly(year, 1, 1).DayNumber;
        var lastDay = new DateOnly(year, 12, 31).DayNumber;
        var today = Math.Clamp(asOf.DayNumber, firstDay - 1, lastDay);
        var months = new List<SpendingMonth>(12);
        var running = 0L;
        for (var month = 1; month <= 12; month++)
        {
            var start = new DateOnly(year, month, 1);
            running += lines.Where(s => s.DeliveryStart.Month == month).Sum(s => s.Cents);
            var end = start.AddMonths(1).AddDays(-1).DayNumber;
            long? cumulative = start.DayNumber <= today ? running : null;
            long? projection = today < lastDay && end >= today && today >= firstDay
                ? total + (long)decimal.Round((decimal)(projected - total) * (end - today) / (lastDay - today), 0, MidpointRounding.AwayFromZero)
                : null;
            months.Add(new SpendingMonth(month, cumulative, projection));
        }
        return months;
    }
}
