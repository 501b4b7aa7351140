using ContractRegie.Core.Common;
using System.Globalization;

namespace ContractRegie.Web.Pages;

/// <summary>Dates and numbers as Dutch readers write them: 31-12-2026, 47,5 (amounts: Money.Format).</summary>
public static class DutchDates
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Format(DateOnly? date) => date?.ToString("dd-MM-yyyy", Dutch) ?? "—";

    public static string Format(DateTimeOffset instant) =>
        Core.Common.MunicipalClock.InAmsterdam(instant).ToString("dd-MM-yyyy HH:mm", Dutch);

    public static string Number(decimal value) => value.ToString("0.##", Dutch);
}
