using System.Globalization;

namespace ContractRegie.Core.Common;

/// <summary>How dates read in Dutch texts: the rules' signals and refusals, the e-mails and the pages.</summary>
public static class DutchFormat
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", Dutch);

    /// <summary>"jan 2027", for the month grid of a timeline.</summary>
    public static string Month(DateOnly date) => date.ToString("MMM yyyy", Dutch).Replace(".", "", StringComparison.Ordinal);

    /// <summary>47,5 or 145.000 — at most two decimals, none when whole, a point between thousands.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", Dutch);

    /// <summary>A count with a point between thousands: "12.345".</summary>
    public static string Count(int value) => value.ToString("N0", Dutch);
}
