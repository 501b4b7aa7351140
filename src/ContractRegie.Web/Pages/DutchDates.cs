using ContractRegie.Core.Common;
using System.Globalization;

namespace ContractRegie.Web.Pages;

/// <summary>Dates and numbers as Dutch readers write them: 31-12-2026, 47,5 (amounts: Money.Format).</summary>
public static class DutchDates
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Format(DateOnly? date) => date is { } day ? DutchFormat.Date(day) : "—";

    public static string Format(DateTimeOffset instant) =>
        Core.Common.MunicipalClock.InAmsterdam(instant).ToString("dd-MM-yyyy HH:mm", Dutch);

    public static string Number(decimal value) => DutchFormat.Number(value);
}
