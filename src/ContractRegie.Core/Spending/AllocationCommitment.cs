using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Spending;

/// <summary>
/// What an allocation still commits of a contract's budget in a year (DESIGN.md "Reconciliation": commitments from
/// allocations count against the budget). The days counted run from the day after the reconciliation date (not before
/// the allocation's or the contract's start, nor 1 January) up to the earliest of the allocation's end, the contract's
/// current end and 31 December. The allocated volume over those days, per its frequency:
/// <list type="bullet">
/// <item>per dag: the volume for every day;</item>
/// <item>per week: the volume per 7 days, pro rata (10 days of 2 uur per week are 10 / 7 × 2 uur);</item>
/// <item>per maand: the volume per calendar month, each month pro rata by its days (16–31 January is 16/31 of a month);</item>
/// <item>totaal: the volume spread evenly over the allocation's days (to its end, or to 31 December of the year when it
/// has none), the counted days' share of it.</item>
/// </list>
/// That volume is priced at the tariff of each day, indexed for its year (<see cref="TariffPricing"/>); an allocation in
/// euro's commits its amount. An allocation without volume, frequency or product code, or whose product has no tariff on
/// one of the days, commits nothing that can be priced: 0.
/// </summary>
public static class AllocationCommitment
{
    public static long RestOfYearCents(Allocation allocation, int year, DateOnly asOf, DateOnly contractStart, DateOnly contractEnd,
        IEnumerable<TariffLine> tariffs)
    {
        if (allocation is not { Volume: { } volume, Unit: { } unit, Frequency: { } frequency, ProductCode: { } productCode }
            || CountedDays(allocation, year, asOf, contractStart, contractEnd) is not { } days)
        {
            return 0;
        }
        var (from, to) = days;
        var committed = frequency switch
        {
            AllocationFrequency.PerDag => volume * Days.Inclusive(from, to),
            AllocationFrequency.PerWeek => volume * Days.Inclusive(from, to) / 7m,
            AllocationFrequency.PerMaand => volume * Months(from, to),
            _ => volume * Days.Inclusive(from, to) / Math.Max(1, Days.Inclusive(allocation.StartDate, allocation.EndDate ?? new DateOnly(year, 12, 31))),
        };
        if (unit == SpendingUnit.Euro)
        {
            return Money.FromEurosCapped(committed);
        }
        return TariffPricing.Price(allocation.ProductCategory, productCode, committed, unit, from, to, tariffs, out _)?.ExpectedCents ?? 0;
    }

    /// <summary>The days counted, or null when none are left.</summary>
    private static (DateOnly From, DateOnly To)? CountedDays(Allocation allocation, int year, DateOnly asOf, DateOnly contractStart, DateOnly contractEnd)
    {
        var from = Latest(asOf.AddDays(1), allocation.StartDate, contractStart, new DateOnly(year, 1, 1));
        var to = Earliest(allocation.EndDate ?? DateOnly.MaxValue, contractEnd, new DateOnly(year, 12, 31));
        return from <= to ? (from, to) : null;
    }

    /// <summary>Calendar months between the two days, each month counting its share of days.</summary>
    private static decimal Months(DateOnly from, DateOnly to)
    {
        var months = 0m;
        for (var day = from; day <= to; day = new DateOnly(day.Year, day.Month, 1).AddMonths(1))
        {
            var monthEnd = new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));
            months += (decimal)Days.Inclusive(day, Earliest(to, monthEnd)) / monthEnd.Day;
        }
        return months;
    }

    private static DateOnly Latest(params DateOnly[] days) => days.Max();

    private static DateOnly Earliest(params DateOnly[] days) => days.Min();
}
