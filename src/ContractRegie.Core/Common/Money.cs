using System.Globalization;

namespace ContractRegie.Core.Common;

/// <summary>Amounts are whole euro cents: never floating point, so sums reconcile to the cent.</summary>
public static class Money
{
    /// <summary>
    /// The largest amount one field may hold: € 10 billion, far above any budget or invoice of a municipality, and low
    /// enough that the sum of nine million such amounts still fits the 64-bit integer sums are made in.
    /// </summary>
    public const long MaxCents = 1_000_000_000_000;

    public static bool IsInRange(long cents) => cents is >= -MaxCents and <= MaxCents;

    /// <summary>The Dutch field error for an amount outside <see cref="MaxCents"/>.</summary>
    public static string OutOfRangeMessage => $"Bedrag is groter dan {Format(MaxCents)}.";

    public static decimal ToEuros(long cents) => cents / 100m;

    /// <summary>Rounds half away from zero, the way invoices round.</summary>
    public static long FromEuros(decimal euros) => (long)decimal.Round(euros * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// As <see cref="FromEuros"/>, capped at <see cref="MaxCents"/>: beyond any amount a line may have, a computed figure only
    /// needs to say "far too much", and capping keeps it in a long.
    /// </summary>
    public static long FromEurosCapped(decimal euros) => FromEuros(Math.Min(euros, ToEuros(MaxCents)));

    /// <summary>As Dutch texts show an amount: "€ 1.234,56".</summary>
    public static string Format(long cents) => "€ " + ToEuros(cents).ToString("N2", CultureInfo.GetCultureInfo("nl-NL"));
}
