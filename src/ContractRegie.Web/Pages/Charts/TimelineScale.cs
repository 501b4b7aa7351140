using System.Globalization;
using ContractRegie.Core.Common;

namespace ContractRegie.Web.Pages.Charts;

/// <summary>
/// Days to SVG x-coordinates: <see cref="From"/> sits at <see cref="Left"/>, <see cref="Until"/> at
/// <see cref="Left"/> + <see cref="Width"/>, linear in days between. Dates outside are held at the nearest edge.
/// </summary>
public sealed record TimelineScale(DateOnly From, DateOnly Until, double Left, double Width)
{
    public static TimelineScale Months(DateOnly from, int months, double left, double width) =>
        new(from, MonthArithmetic.AddMonths(from, months), left, width);

    /// <summary>Rounded to a tenth: finer than a screen pixel, and stable text in the page.</summary>
    public double X(DateOnly date)
    {
        var day = Math.Clamp(date.DayNumber, From.DayNumber, Until.DayNumber);
        return Math.Round(Left + Width * (day - From.DayNumber) / (Until.DayNumber - From.DayNumber), 1);
    }

    /// <summary>The first day of every month after <see cref="From"/> up to <see cref="Until"/>, for the grid.</summary>
    public IEnumerable<DateOnly> MonthStarts()
    {
        for (var month = new DateOnly(From.Year, From.Month, 1).AddMonths(1); month <= Until; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>SVG wants a decimal point whatever the page's culture.</summary>
    public static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
