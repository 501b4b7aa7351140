using System.Globalization;

namespace ContractRegie.Core.Common;

/// <summary>How dates read in Dutch texts written by the rules (signals, refusals).</summary>
public static class DutchFormat
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", Dutch);
}
