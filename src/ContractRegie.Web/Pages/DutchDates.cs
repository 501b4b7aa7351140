using ContractRegie.Core.Common;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;

namespace ContractRegie.Web.Pages;

/// <summary>Dates and numbers as Dutch readers write them: 31-12-2026, 47,5 (amounts: Money.Format).</summary>
public static class DutchDates
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Format(DateOnly? date) => date is { } day ? DutchFormat.Date(day) : "—";

    /// <summary>
    /// A period, "01-01-2026 – 31-01-2026", that a narrow column breaks after its dash: never inside a date, and the dash
    /// not on a line of its own.
    /// </summary>
    public static IHtmlContent Range(DateOnly? from, DateOnly? to) =>
        new HtmlString($"<span class=\"date\">{WebUtility.HtmlEncode(Format(from))}</span>&nbsp;– <span class=\"date\">{WebUtility.HtmlEncode(Format(to))}</span>");

    public static string Format(DateTimeOffset instant) =>
        Core.Common.MunicipalClock.InAmsterdam(instant).ToString("dd-MM-yyyy HH:mm", Dutch);

    public static string Number(decimal value) => DutchFormat.Number(value);
}
