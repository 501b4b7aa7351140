using System.Globalization;

namespace ContractRegie.Core.Common;

/// <summary>Amounts are whole euro cents: never floating point, so sums reconcile to the cent.</summary>
public static class Money
{
    public static decimal ToEuros(long cents) => cents / 100m;

    /// <summary>Rounds half away from zero, the way invoices round.</summary>
    public static long FromEuros(decimal euros) => (long)decimal.Round(euros * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>As Dutch texts show an amount: "€ 1.234,56".</summary>
    public static string Format(long cents) => "€ " + ToEuros(cents).ToString("N2", CultureInfo.GetCultureInfo("nl-NL"));
}
