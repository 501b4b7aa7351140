using System.Globalization;
using System.Xml.Linq;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>One Prestatie of a generated 323 message; amounts in eurocents as the standard has them.</summary>
public sealed record Prestatie(
    string Bsn, string Category, string Code, DateOnly Start, DateOnly End, int Volume, string Unit, long Cents, char DebetCredit = 'D',
    long? Tariff = null, string Reference = "REF1", string Toewijzing = "T1");

/// <summary>
/// Writes WMO323 and JW323 messages of iWmo/iJw release 3.2 the way a provider's software does: the standard's element
/// names, its message and basisschema namespaces with their usual prefixes. Linked into the Web tests as well.
/// </summary>
public static class DeclarationMessage
{
    public static string Wmo323(string agb, string municipality, string number, IReadOnlyList<Prestatie> prestaties, long? total = null, char totalDebetCredit = 'D') =>
        Write("iwmo", "wmo323", "484", agb, municipality, number, prestaties, total, totalDebetCredit);

    public static string Jw323(string agb, string municipality, string number, IReadOnlyList<Prestatie> prestaties, long? total = null, char totalDebetCredit = 'D') =>
        // BerichtCode: WMO323 is 484 in COD002-VEKTIS; for JW323 436 is written here unverified. The importer does not read the code:
        // the root element's namespace says which message it is.
        Write("ijw", "jw323", "436", agb, municipality, number, prestaties, total, totalDebetCredit);

    /// <summary>The signed sum of the lines, as the provider's software would put it in TotaalIngediendBedrag.</summary>
    public static (long Cents, char DebetCredit) TotalOf(IEnumerable<Prestatie> prestaties)
    {
        var sum = prestaties.Sum(p => p.DebetCredit == 'C' ? -p.Cents : p.Cents);
        return (Math.Abs(sum), sum < 0 ? 'C' : 'D');
    }

    private static string Write(string standard, string message, string code, string agb, string municipality, string number,
        IReadOnlyList<Prestatie> prestaties, long? total, char totalDebetCredit)
    {
        XNamespace m = "http://www.istandaarden.nl/" + standard + "/3_2/" + message + "/schema";
        XNamespace b = "http://www.istandaarden.nl/" + standard + "/3_2/basisschema/schema";
        var (sum, sumDebetCredit) = TotalOf(prestaties);
        var first = prestaties.Min(p => p.Start);
        var last = prestaties.Max(p => p.End);
        var document = new XElement(m + "Bericht",
            new XAttribute(XNamespace.Xmlns + message, m.NamespaceName),
            new XAttribute(XNamespace.Xmlns + standard, b.NamespaceName),
            new XElement(m + "Header",
                new XElement(m + "BerichtCode", code),
                new XElement(m + "BerichtVersie", "3"),
                new XElement(m + "BerichtSubversie", "2"),
                new XElement(m + "Afzender", agb),
                new XElement(m + "Ontvanger", municipality),
                new XElement(m + "BerichtIdentificatie", new XElement(b + "Identificatie", "B" + number), new XElement(b + "Dagtekening", Date(last))),
                new XElement(m + "XsdVersie", new XElement(b + "BasisschemaXsdVersie", "1.0.0"), new XElement(b + "BerichtXsdVersie", "1.0.0"))),
            new XElement(m + "Declaratie",
                new XElement(m + "DeclaratieNummer", number),
                new XElement(m + "DeclaratiePeriode", new XElement(b + "Begindatum", Date(first)), new XElement(b + "Einddatum", Date(last))),
                new XElement(m + "DeclaratieDagtekening", Date(last)),
                new XElement(m + "TotaalIngediendBedrag",
                    new XElement(b + "TotaalBedrag", total ?? sum), new XElement(b + "DebetCredit", total is null ? sumDebetCredit : totalDebetCredit)),
                new XElement(m + "Clienten", prestaties.GroupBy(p => p.Bsn).Select(client =>
                    new XElement(m + "Client",
                        new XElement(m + "Bsn", client.Key),
                        new XElement(m + "Prestaties", client.Select(p =>
                            new XElement(m + "Prestatie",
                                new XElement(m + "ProductReferentie", new XElement(b + "ReferentieNummer", p.Reference)),
                                new XElement(m + "ToewijzingNummer", p.Toewijzing),
                                new XElement(m + "ProductCategorie", p.Category),
                                new XElement(m + "ProductCode", p.Code),
                                new XElement(m + "ProductPeriode", new XElement(b + "Begindatum", Date(p.Start)), new XElement(b + "Einddatum", Date(p.End))),
                                new XElement(m + "GeleverdVolume", p.Volume),
                                new XElement(m + "Eenheid", p.Unit),
                                p.Tariff is { } tariff ? new XElement(m + "ProductTarief", tariff) : null,
                                new XElement(m + "IngediendBedrag", new XElement(b + "Bedrag", p.Cents), new XElement(b + "DebetCredit", p.DebetCredit))))))))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), document).ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
