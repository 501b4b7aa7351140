using System.Text;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>Spending files as the financial administration exports them, for the tests that import spending.</summary>
internal static class SpendingCsv
{
    public const string Header =
        "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer;referentie;toewijzingnummer;bsn";

    public static MemoryStream Csv(params string[] rows) => new(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n"));

    /// <summary>The same file again, byte for byte.</summary>
    public static MemoryStream Csv(MemoryStream earlier) => new(earlier.ToArray());
}
