using System.Globalization;
using System.Xml.Linq;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>One ToegewezenProduct of a generated 301 message. Volume, unit code (WJ756) and frequency code (WMO757) are optional.</summary>
public sealed record ToegewezenProduct(
    string Number, string Category, string? Code, DateOnly Start, DateOnly? End, int? Volume = null, string? Unit = null, string? Frequency = null);

/// <summary>
/// Writes WMO301 and JW301 messages of iWmo/iJw release 3.2 as a municipality's system does, with the element order of
/// the standard's XSD (packages/api/*/bronnen/xsd/*301.xsd of i-Sociaal-Lab/jaapjunior) — including the personal data a
/// real one carries (birth date, gender, names, address, phone, e-mail, a relation), so tests can show none of it is kept.
/// </summary>
public static class AllocationMessage
{
    /// <summary>Personal data in every generated message; none of it may reach the database, a log or a report.</summary>
    public static readonly string[] PersonalData = ["1967-08-13", "Wit-Jansen", "Timotheus", "Meindertsma", "Straatweg", "0624681357", "tim@voorbeeld.nl", "7511AB"];

    public static string Wmo301(string municipality, string agb, string bsn, params ToegewezenProduct[] products) =>
        Write("iwmo", "wmo301", "414", municipality, agb, bsn, products);

    public static string Jw301(string municipality, string agb, string bsn, params ToegewezenProduct[] products) =>
        Write("ijw", "jw301", "436", municipality, agb, bsn, products);

    private static string Write(string standard, string message, string code, string municipality, string agb, string bsn, ToegewezenProduct[] products)
    {
        XNamespace m = "http://www.istandaarden.nl/" + standard + "/3_2/" + message + "/schema";
        XNamespace b = "http://www.istandaarden.nl/" + standard + "/3_2/basisschema/schema";
        XElement Contact(string street) => new(m + "Contact",
            new XElement(m + "Soort", "01"),
            new XElement(m + "Adres",
                new XElement(b + "Huis", new XElement(b + "Huisnummer", "10")),
                new XElement(b + "Postcode", "7511AB"), new XElement(b + "Straatnaam", street), new XElement(b + "Plaatsnaam", "Enschede")),
            new XElement(m + "Telefoon", new XElement(b + "Telefoon01", new XElement(b + "Telefoonnummer", "0624681357"))),
            new XElement(m + "Emailadres", "tim@voorbeeld.nl"));
        XElement Name(string surname, string given) => new(m + "Naam",
            new XElement(b + "Geslachtsnaam", new XElement(b + "Achternaam", surname)),
            new XElement(b + "Voornamen", given), new XElement(b + "Voorletters", given[..1]), new XElement(b + "NaamGebruik", "1"));
        var document = new XElement(m + "Bericht",
            new XAttribute(XNamespace.Xmlns + message, m.NamespaceName),
            new XAttribute(XNamespace.Xmlns + standard, b.NamespaceName),
            new XElement(m + "Header",
                new XElement(m + "BerichtCode", code),
                new XElement(m + "BerichtVersie", "3"),
                new XElement(m + "BerichtSubversie", "2"),
                new XElement(m + "Afzender", municipality),
                new XElement(m + "Ontvanger", agb),
                new XElement(m + "BerichtIdentificatie", new XElement(b + "Identificatie", "T" + bsn), new XElement(b + "Dagtekening", "2025-01-02")),
                new XElement(m + "XsdVersie", new XElement(b + "BasisschemaXsdVersie", "1.0.0"), new XElement(b + "BerichtXsdVersie", "1.0.0"))),
            new XElement(m + "Client",
                new XElement(m + "Bsn", bsn),
                new XElement(m + "Geboortedatum", new XElement(b + "Datum", "1967-08-13")),
                new XElement(m + "Geslacht", "1"),
                Name("Wit-Jansen", "Timotheus"),
                new XElement(m + "Commentaar", "Cliënt Timotheus woont aan de Straatweg"),
                new XElement(m + "Relaties", new XElement(m + "Relatie",
                    new XElement(m + "Nummer", "1"), new XElement(m + "Soort", "03"),
                    Name("Meindertsma", "Meindert"), Contact("Straatweg"))),
                new XElement(m + "Contactgegevens", Contact("Straatweg")),
                new XElement(m + "ToegewezenProducten", products.Select(p =>
                    new XElement(m + "ToegewezenProduct",
                        new XElement(m + "ToewijzingNummer", p.Number),
                        new XElement(m + "ReferentieAanbieder", "REF-" + p.Number),
                        new XElement(m + "Product", new XElement(b + "Categorie", p.Category), p.Code is null ? null : new XElement(b + "Code", p.Code)),
                        new XElement(m + "Toewijzingsdatum", Date(p.Start)),
                        new XElement(m + "Toewijzingstijd", "12:34:56"),
                        new XElement(m + "Ingangsdatum", Date(p.Start)),
                        p.End is { } end ? new XElement(m + "Einddatum", Date(end)) : null,
                        p.Volume is { } volume
                            ? new XElement(m + "Omvang", new XElement(b + "Volume", volume), new XElement(b + "Eenheid", p.Unit), new XElement(b + "Frequentie", p.Frequency))
                            : null,
                        new XElement(m + "Commentaar", "Voor Timotheus"))))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), document).ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
