using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Spending;

namespace ContractRegie.Data.Import;

/// <summary>The Declaratie of a 323 message: who declares to whom, its number, period and declared total.</summary>
public sealed record DeclarationHeader(
    SpendingSource Source, string ProviderAgbCode, string MunicipalityCode, string DeclarationNumber,
    DateOnly PeriodStart, DateOnly PeriodEnd, long TotalCents, DebetCredit TotalDebetCredit)
{
    public long SignedTotalCents => TotalDebetCredit == DebetCredit.Credit ? -TotalCents : TotalCents;
}

/// <summary>
/// Streams an iWmo (WMO323) or iJw (JW323) release 3.2 declaration message: Header, Declaratie, then per Client a Bsn
/// and its Prestaties. Element names and namespaces are the standard's; amounts are whole eurocents (LDT_Bedrag).
/// The BSN is pseudonymised the moment it is read. DTDs are refused, nothing external is resolved, and the document
/// may not exceed <see cref="MaxCharacters"/>.
/// </summary>
internal sealed class DeclarationMessageReader : ISpendingReader
{
    /// <summary>Texts that are parsed rather than stored (Eenheid, GeleverdVolume): bounded, as an error message repeats them.</summary>
    private const int MaxParsedLength = 20;
    private static readonly int MaxNumberLength = SpendingColumns.Factuurnummer.MaxLength!.Value;

    /// <summary>A 323 message is one declaration; 200 million characters is far beyond any real one.</summary>
    public const long MaxCharacters = 200_000_000;

    private const string Wmo323 = "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema";
    private const string WmoBasis = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";
    private const string Jw323 = "http://www.istandaarden.nl/ijw/3_2/jw323/schema";
    private const string JwBasis = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    /// <summary>Shared with the allocation reader: no DTD, no resolver, bounded.</summary>
    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private readonly XmlReader _xml;
    private readonly ClientPseudonym _pseudonym;
    private readonly DeclarationTotal _total = new();
    private XNamespace _message = "";
    private XNamespace _basis = "";
    private Law _law;
    private string? _client;
    private bool _broken;

    private DeclarationMessageReader(XmlReader xml, ClientPseudonym pseudonym)
    {
        _xml = xml;
        _pseudonym = pseudonym;
    }

    public SpendingSource Source { get; private set; }
    public DeclarationHeader? Declaration { get; private set; }
    public int LinesRead { get; private set; }

    /// <summary>The reader positioned at the first Client, or null when the message cannot be read that far (reported).</summary>
    public static DeclarationMessageReader? Open(Stream file, ClientPseudonym pseudonym, ImportErrorList errors)
    {
        var reader = new DeclarationMessageReader(XmlReader.Create(file, Settings), pseudonym);
        if (reader.Guard(errors, reader.ReadHeader))
        {
            return reader;
        }
        reader.Dispose();
        return null;
    }

    public Task<ReadSpendingLine?> ReadAsync(ImportErrorList errors, CancellationToken cancellationToken)
    {
        ReadSpendingLine? next = null;
        Guard(errors, () => next = ReadNext(errors));
        return Task.FromResult(next);
    }

    public void Complete(ImportErrorList errors)
    {
        if (!_broken && Declaration is { } declaration && _total.Check(declaration.TotalCents, declaration.TotalDebetCredit) is { } problem)
        {
            errors.Add(0, "TotaalIngediendBedrag", problem);
        }
    }

    public void Dispose() => _xml.Dispose();

    private int Line => ((IXmlLineInfo)_xml).LineNumber;

    /// <summary>
    /// The reason a message is not readable XML, for this reader and the allocation reader. XmlException's text is
    /// English and may quote the document; only its position is passed on.
    /// </summary>
    internal static void ReportBroken(XmlException broken, ImportErrorList errors) =>
        errors.Add(broken.LineNumber, null, broken.Message.Contains("DTD", StringComparison.Ordinal)
            ? "Het bericht bevat een DTD. DTD's en externe entiteiten worden om veiligheidsredenen niet verwerkt."
            : $"Het bericht is geen geldige XML (afgebroken of beschadigd) bij regel {broken.LineNumber}, positie {broken.LinePosition}.");

    /// <summary>Runs a step; a malformed, truncated or DTD-carrying document ends the reading with a reason.</summary>
    private bool Guard(ImportErrorList errors, Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (XmlException broken)
        {
            _broken = true;
            ReportBroken(broken, errors);
            return false;
        }
        catch (DeclarationFormatException wrong)
        {
            _broken = true;
            errors.Add(wrong.Line, wrong.Field, wrong.Message);
            return false;
        }
    }

    private void ReadHeader()
    {
        _xml.MoveToContent();
        (Source, _message, _basis, _law) = (_xml.NamespaceURI, _xml.LocalName) switch
        {
            (Wmo323, "Bericht") => (SpendingSource.Wmo323, (XNamespace)Wmo323, (XNamespace)WmoBasis, Law.Wmo),
            (Jw323, "Bericht") => (SpendingSource.Jw323, (XNamespace)Jw323, (XNamespace)JwBasis, Law.Jeugdwet),
            _ => throw new DeclarationFormatException(Line, null,
                "Dit is geen WMO323- of JW323-bericht van release 3.2 (verwacht: Bericht in de namespace van wmo323 of jw323)."),
        };
        _xml.Read();
        var header = ReadElement("Header");
        var agb = Required(header, "Afzender");
        var municipality = Required(header, "Ontvanger");
        if (!Identifiers.IsAgbCode(agb))
        {
            throw new DeclarationFormatException(Line, "Afzender", "Afzender is geen AGB-code van 8 cijfers.");
        }
        if (!Identifiers.IsMunicipalityCode(municipality))
        {
            throw new DeclarationFormatException(Line, "Ontvanger", "Ontvanger is geen CBS-gemeentecode van 4 cijfers.");
        }
        Expect("Declaratie");
        _xml.Read();
        var number = ReadElement("DeclaratieNummer").Value.Trim();
        if (number.Length > MaxNumberLength || TextRules.ForbiddenCharacter(number) is not null)
        {
            throw new DeclarationFormatException(Line, "DeclaratieNummer",
                $"DeclaratieNummer is langer dan {MaxNumberLength} tekens of bevat een stuurteken.");
        }
        var period = ReadElement("DeclaratiePeriode");
        ReadElement("DeclaratieDagtekening");
        var total = ReadElement("TotaalIngediendBedrag");
        Expect("Clienten");
        _xml.Read();
        Declaration = new DeclarationHeader(Source, agb, municipality, number,
            Date(period, _basis + "Begindatum"), Date(period, _basis + "Einddatum"),
            Cents(total, _basis + "TotaalBedrag"), DebetCreditOf(total));
    }

    /// <summary>Walks Client → Bsn → Prestaties → Prestatie; returns the next Prestatie as a line, or null after the last.</summary>
    private ReadSpendingLine? ReadNext(ImportErrorList errors)
    {
        while (!_xml.EOF)
        {
            if (_xml.NodeType != XmlNodeType.Element)
            {
                _xml.Read();
                continue;
            }
            switch (_xml.LocalName)
            {
                case "Client" or "Prestaties" when _xml.NamespaceURI == _message.NamespaceName:
                    _xml.Read();
                    break;
                case "Bsn" when _xml.NamespaceURI == _message.NamespaceName:
                    var line = Line;
                    _client = _pseudonym.For(_xml.ReadElementContentAsString().Trim());
                    if (_client is null)
                    {
                        errors.Add(line, "Bsn", "Geen geldig BSN (9 cijfers en de elfproef).");
                    }
                    break;
                case "Prestatie" when _xml.NamespaceURI == _message.NamespaceName:
                    var at = Line;
                    var prestatie = (XElement)XNode.ReadFrom(_xml);
                    LinesRead++;
                    if (Prestatie(prestatie, at, errors) is { } spending)
                    {
                        return new ReadSpendingLine(at, spending);
                    }
                    break;
                default:
                    throw new DeclarationFormatException(Line, _xml.LocalName, $"Onverwacht element {_xml.LocalName} in Clienten.");
            }
        }
        return null;
    }

    private SpendingLine? Prestatie(XElement prestatie, int line, ImportErrorList errors)
    {
        var problems = errors.Count;
        string Text(string name, int maxLength)
        {
            var value = Optional(prestatie.Element(_message + name), name, maxLength, line, errors);
            if (string.IsNullOrEmpty(value))
            {
                errors.Add(line, name, $"{name} ontbreekt.");
            }
            return value ?? "";
        }
        var amount = prestatie.Element(_message + "IngediendBedrag");
        var period = prestatie.Element(_message + "ProductPeriode");
        var category = Text("ProductCategorie", SpendingColumns.Productcategorie.MaxLength!.Value);
        var code = Text("ProductCode", SpendingColumns.Productcode.MaxLength!.Value);
        var unitCode = Text("Eenheid", MaxParsedLength);
        var volumeText = Text("GeleverdVolume", MaxParsedLength);
        var reference = Optional(prestatie.Element(_message + "ProductReferentie")?.Element(_basis + "ReferentieNummer"), "ProductReferentie",
            SpendingColumns.Referentie.MaxLength!.Value, line, errors);
        var allocation = Optional(prestatie.Element(_message + "ToewijzingNummer"), "ToewijzingNummer",
            SpendingColumns.Toewijzingnummer.MaxLength!.Value, line, errors);
        var unit = SpendingUnits.FromCode(unitCode);
        if (unitCode.Length > 0 && unit is null)
        {
            errors.Add(line, "Eenheid", $"Eenheid '{unitCode}' staat niet in codelijst WJ756.");
        }
        var hasVolume = long.TryParse(volumeText, NumberStyles.None, CultureInfo.InvariantCulture, out var volume);
        if (volumeText.Length > 0 && !hasVolume)
        {
            errors.Add(line, "GeleverdVolume", "GeleverdVolume is geen geheel getal.");
        }
        DateOnly start = default, end = default;
        long cents = 0;
        var debetCredit = DebetCredit.Debet;
        try
        {
            start = Date(period, _basis + "Begindatum");
            end = Date(period, _basis + "Einddatum");
            cents = Cents(amount, _basis + "Bedrag");
            debetCredit = DebetCreditOf(amount);
        }
        catch (DeclarationFormatException wrong)
        {
            errors.Add(line, wrong.Field, wrong.Message);
        }
        if (end < start)
        {
            errors.Add(line, "ProductPeriode", "Einddatum van de ProductPeriode ligt voor de begindatum.");
        }
        // A line with errors still counts towards the total, so a wrong total is reported next to them, not instead.
        _total.Add(cents, debetCredit);
        if (errors.Count > problems || _client is null)
        {
            return null;
        }
        var declaration = Declaration!;
        return new SpendingLine
        {
            ProviderAgbCode = declaration.ProviderAgbCode, MunicipalityCode = declaration.MunicipalityCode, Law = _law,
            ProductCategory = category, ProductCode = code, DeliveryStart = start, DeliveryEnd = end, Volume = volume, Unit = unit!.Value,
            AmountCents = cents, DebetCredit = debetCredit, DeclarationNumber = declaration.DeclarationNumber,
            ProductReference = reference, AllocationNumber = allocation, ClientPseudonym = _client,
        };
    }

    /// <summary>
    /// The trimmed text of an element that may be absent, as long as its column allows and without control or direction
    /// characters (the CSV import checks the same through its columns).
    /// </summary>
    private static string? Optional(XElement? element, string name, int maxLength, int line, ImportErrorList errors)
    {
        var value = element?.Value.Trim();
        if (value is null)
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(line, name, $"{name} is langer dan {maxLength} tekens.");
            return null;
        }
        if (TextRules.ForbiddenCharacter(value) is { } forbidden)
        {
            errors.Add(line, name, TextRules.ForbiddenCharacterMessage(forbidden));
            return null;
        }
        return value;
    }

    private XElement ReadElement(string name)
    {
        Expect(name);
        return (XElement)XNode.ReadFrom(_xml);
    }

    private void Expect(string name)
    {
        _xml.MoveToContent();
        if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != name || _xml.NamespaceURI != _message.NamespaceName)
        {
            throw new DeclarationFormatException(Line, name, $"{name} ontbreekt of staat niet op zijn plaats.");
        }
    }

    private string Required(XElement parent, string name) =>
        parent.Element(_message + name)?.Value.Trim() is { Length: > 0 } value
            ? value
            : throw new DeclarationFormatException(Line, name, $"{name} ontbreekt.");

    private DateOnly Date(XElement? parent, XName name) =>
        DateOnly.TryParseExact(parent?.Element(name)?.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DeclarationFormatException(Line, name.LocalName, $"{parent?.Name.LocalName}/{name.LocalName} is geen datum (jjjj-mm-dd).");

    /// <summary>LDT_Bedrag: a whole number of eurocents without sign; the sign is the DebetCredit next to it.</summary>
    private long Cents(XElement? parent, XName name) =>
        long.TryParse(parent?.Element(name)?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cents) && Money.IsInRange(cents)
            ? cents
            : throw new DeclarationFormatException(Line, name.LocalName,
                $"{parent?.Name.LocalName}/{name.LocalName} is geen bedrag in eurocent (een geheel getal zonder teken, hoogstens {Money.MaxCents}).");

    private DebetCredit DebetCreditOf(XElement? parent) =>
        SpendingUnits.DebetCreditFromCode(parent?.Element(_basis + "DebetCredit")?.Value.Trim() ?? "") is { } debetCredit
            ? debetCredit
            : throw new DeclarationFormatException(Line, "DebetCredit", $"{parent?.Name.LocalName}/DebetCredit moet D of C zijn.");
}

/// <summary>A 323 message that is well-formed XML but not the declaration the standard describes.</summary>
internal sealed class DeclarationFormatException(int line, string? field, string message) : Exception(message)
{
    public int Line { get; } = line;
    public string? Field { get; } = field;
}
