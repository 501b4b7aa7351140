namespace ContractRegie.Core.Common;

/// <summary>
/// Calendar-month arithmetic for contract terms. A term that ends on the last day of a month
/// keeps ending on the last day of a month (28 Feb 2023 + 12 months = 29 Feb 2024), which is how
/// contracts are written; otherwise the day is kept and clipped to the month's length.
/// </summary>
public static class MonthArithmetic
{
    public static DateOnly AddMonths(DateOnly date, int months)
    {
        var shifted = date.AddMonths(months);
        return IsLastDayOfMonth(date) ? LastDayOfMonth(shifted) : shifted;
    }

    public static bool IsLastDayOfMonth(DateOnly date) => date.Day == DateTime.DaysInMonth(date.Year, date.Month);

    private static DateOnly LastDayOfMonth(DateOnly date) =>
        new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}
