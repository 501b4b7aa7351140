using System.Globalization;
using System.Text;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Import;

namespace ContractRegie.Benchmarks;

/// <summary>
/// The register benchmark's rows: contract i is the same whether it is written to the CSV file or handed to the plain bulk
/// load. Contract i belongs to provider i modulo the providers, has one to three municipalities and up to two options,
/// and cycles through the kinds, laws and routes, so the import parses, validates and writes every kind of field.
/// </summary>
internal sealed class GeneratedRegister(int contracts, int providers)
{
    private static readonly string ProviderHeader = string.Join(";", RegisterColumns.Providers.All.Select(c => c.Name));
    private static readonly string ContractHeader = string.Join(";", RegisterColumns.Contracts.All.Select(c => c.Name));

    public int Contracts => contracts;

    public int Providers => providers;

    public static string AgbCode(int provider) => "3" + provider.ToString("D7", CultureInfo.InvariantCulture);

    public Provider Provider(int i) => new()
    {
        Name = "Zorgaanbieder " + i.ToString(CultureInfo.InvariantCulture), KvkNumber = "4" + i.ToString("D7", CultureInfo.InvariantCulture),
        AgbCode = AgbCode(i), City = "Almelo", ContractManager = "Contractmanager " + (i % 50).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Contract <paramref name="i"/>, its provider named by AGB-code (the id is the database's).</summary>
    public (Contract Contract, string AgbCode) Contract(int i, string numberPrefix = "R-")
    {
        var start = new DateOnly(2022 + i % 4, 1 + i % 12, 1);
        var options = Enumerable.Range(1, i % 3).Select(n => new ExtensionOption(n, 12, n == 1 && i % 5 == 0)).ToList();
        var route = Enum.GetValues<ProcurementRoute>()[i % Enum.GetValues<ProcurementRoute>().Length];
        var contract = new Contract
        {
            ContractNumber = numberPrefix + i.ToString("D7", CultureInfo.InvariantCulture),
            Title = "Contract " + i.ToString(CultureInfo.InvariantCulture) + " jeugdhulp ambulant",
            ProviderId = 0,
            Kind = Enum.GetValues<ContractKind>()[i % 4],
            Law = Enum.GetValues<Law>()[i % 3],
            ProcurementRoute = route,
            Municipalities = Enumerable.Range(0, 1 + i % 3).Select(m => (141 + (i + m * 7) % 300).ToString("D4", CultureInfo.InvariantCulture))
                .Order(StringComparer.Ordinal).ToList(),
            StartDate = start,
            InitialEndDate = start.AddYears(3).AddDays(-1),
            ExtensionOptions = options,
            NoticePeriodMonths = 6,
            ProcurementLeadTimeMonths = 9,
            ContractOwner = "Teamleider " + (i % 20).ToString(CultureInfo.InvariantCulture),
            ContractManager = "Contractmanager " + (i % 50).ToString(CultureInfo.InvariantCulture),
            TactischInkoper = "Inkoper " + (i % 10).ToString(CultureInfo.InvariantCulture),
            Status = ContractStatus.Actief,
        };
        return (contract, AgbCode(i % providers));
    }

    public byte[] ProviderCsv()
    {
        var csv = new StringBuilder(ProviderHeader).Append('\n');
        for (var i = 0; i < providers; i++)
        {
            var p = Provider(i);
            csv.Append(p.Name).Append(';').Append(p.KvkNumber).Append(';').Append(p.AgbCode).Append(";;;").Append(p.City).Append(";;")
                .Append(p.ContractManager).Append(";nee;ja\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public byte[] ContractCsv(string numberPrefix = "R-")
    {
        var csv = new StringBuilder(ContractHeader).Append('\n');
        for (var i = 0; i < contracts; i++)
        {
            var (c, agb) = Contract(i, numberPrefix);
            csv.Append(c.ContractNumber).Append(';').Append(c.Title).Append(';').Append(agb).Append(';').Append(c.Kind).Append(';').Append(c.Law)
                .Append(';').Append(c.ProcurementRoute).Append(';').Append(string.Join(',', c.Municipalities)).Append(';')
                .Append(c.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
                .Append(c.InitialEndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
                .Append(string.Join('+', c.ExtensionOptions.Select(o => o.DurationMonths))).Append(';')
                .Append(c.ExtensionOptions.Count(o => o.Exercised)).Append(';').Append(c.NoticePeriodMonths).Append(';')
                .Append(c.ProcurementLeadTimeMonths).Append(';').Append(c.ContractOwner).Append(';').Append(c.ContractManager).Append(';')
                .Append(c.TactischInkoper).Append(';').Append(c.Status).Append('\n');
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
