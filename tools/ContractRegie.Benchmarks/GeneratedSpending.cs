using System.Globalization;
using System.Text;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Spending;

namespace ContractRegie.Benchmarks;

/// <summary>
/// The benchmark's spending: line i is the same whether it is written to the CSV file or handed to the raw insert.
/// Each client has one line per month of 2025 (line i is client i / 12 in month i % 12 + 1), so the per-client checks
/// find no duplicate declaration where a real declaration has none; ten lines per invoice; every 50th line has a product
/// without a contract and every 100th deviates from the tariff, so matching and exceptions do real work.
/// </summary>
/// <param name="lines">How many lines the benchmark generates in all (its files and the raw insert): one client per 12.</param>
internal sealed class GeneratedSpending(string agbCode, ClientPseudonym pseudonym, int lines)
{
    public const long TariffCents = 7_250;
    private const int MonthsPerClient = 12;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private readonly string[] _bsns = Bsn.FirstValid(lines / MonthsPerClient + 1);
    private string[]? _pseudonyms;

    public const string Header =
        "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer;referentie;toewijzingnummer;bsn";

    public SpendingLine Line(int i)
    {
        var month = 1 + i % MonthsPerClient;
        var start = new DateOnly(2025, month, 1);
        var volume = 1 + i % 8;
        return new SpendingLine
        {
            ProviderAgbCode = agbCode, MunicipalityCode = "0141", Law = Law.Wmo, ProductCategory = "45",
            ProductCode = i % 50 == 49 ? "45A99" : "45A53", DeliveryStart = start, DeliveryEnd = start.AddMonths(1).AddDays(-1),
            Volume = volume, Unit = SpendingUnit.Uur, AmountCents = volume * TariffCents + (i % 100 == 99 ? 500 : 0),
            DeclarationNumber = "F" + (i / 10).ToString(CultureInfo.InvariantCulture), ProductReference = "R" + i.ToString(CultureInfo.InvariantCulture),
            AllocationNumber = "T" + (i / MonthsPerClient).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The row the raw insert writes: the line with its client's pseudonym, computed once per client, and no matching.</summary>
    public SpendingLineRow Row(int i)
    {
        _pseudonyms ??= _bsns.Select(bsn => pseudonym.For(bsn)!).ToArray();
        return new SpendingLineRow(i + 2, Line(i) with { ClientPseudonym = _pseudonyms[i / MonthsPerClient] }, null, null);
    }

    /// <summary>Writes lines <paramref name="first"/> to <paramref name="first"/> + <paramref name="lines"/> as the Dutch Excel export, streaming.</summary>
    public async Task WriteCsvAsync(string path, int first, int lines)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync(Header + "\n");
        var row = new StringBuilder(160);
        for (var i = first; i < first + lines; i++)
        {
            var line = Line(i);
            row.Clear()
                .Append(line.ProviderAgbCode).Append(';').Append(line.MunicipalityCode).Append(";Wmo;").Append(line.ProductCategory).Append(';')
                .Append(line.ProductCode).Append(';').Append(line.DeliveryStart.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)).Append(';')
                .Append(line.DeliveryEnd.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)).Append(';')
                .Append(line.Volume.ToString(Dutch)).Append(";uur;").Append((line.AmountCents / 100m).ToString("0.00", Dutch)).Append(";D;")
                .Append(line.DeclarationNumber).Append(';').Append(line.ProductReference).Append(';').Append(line.AllocationNumber).Append(';')
                .Append(_bsns[i / MonthsPerClient]).Append('\n');
            await writer.WriteAsync(row);
        }
    }
}
