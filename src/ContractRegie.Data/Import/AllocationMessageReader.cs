using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Spending;

namespace ContractRegie.Data.Import;

/// <summary>An allocation read from a file, with the line of the file it starts on.</summary>
internal readonly record struct ReadAllocation(int Line, Allocation Allocation);

/// <summary>
/// Reads an iWmo (WMO301) or iJw (JW301) release 3.2 allocation message: Header (Afzender is the municipality, Ontvanger
/// the provider's AGB-code), then the Client with its Bsn and ToegewezenProducten. The Bsn is pseudonymised the moment
/// it is read. Everything else about the client — Geboortedatum, Geslacht, Naam, Communicatie, Relaties,
/// Contactgegevens, Commentaar — is skipped by the reader without being kept, and no error message repeats a value of
/// the message other than codes, numbers and dates of the allocation itself. DTDs are refused, nothing external is resolved.
/// </summary>
internal sealed class AllocationMessageReader
{
    private const string Wmo301 = "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema";
    private const string WmoBasis = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";
    private const string Jw301 = "http://www.istandaarden.nl/ijw/3_2/jw301/schema";
    private const string JwBasis = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";
    private const int MaxNumberLength = 20;
    private const int MaxCodeLength = 10;

    private readonly XmlReader _xml;
    private readonly ClientPseudonym _pseudonym;
    private readonly ImportErrorList _errors;
    private XNamespace _message = "";
    private XNamespace _basis = "";
    private Law _law;
    private string _municipality = "";
    private string _provider = "";

    private AllocationMessageReader(XmlReader xml, ClientPseudonym pseudonym, ImportErrorList errors)
    {
        _xml = xml;
        _pseudonym = pseudonym;
        _errors = errors;
    }

    public AllocationSource Source { get; private set; }

    /// <summary>Every allocation of the message; problems go to <paramref name="errors"/> with their line.</summary>
    public static (AllocationSource? Source, List<ReadAllocation> Allocations) Read(Stream file, ClientPseudonym pseudonym, ImportErrorList errors)
    {
        using var xml = XmlReader.Create(file, DeclarationMessageReader.Settings);
        var reader = new AllocationMessageReader(xml, pseudonym, errors);
        var allocations = new List<ReadAllocation>();
        try
        {
            reader.ReadHeader();
            reader.ReadClients(allocations);
            return (reader.Source, allocations);
        }
        catch (XmlException broken)
        {
            DeclarationMessageReader.ReportBroken(broken, errors);
        }
        catch (DeclarationFormatException wrong)
        {
            errors.Add(wrong.Line, wrong.Field, wrong.Message);
        }
        return (null, []);
    }

    private int Line => ((IXmlLineInfo)_xml).LineNumber;

    private void ReadHeader()
    {
        _xml.MoveToContent();
        (Source, _message, _basis, _law) = (_xml.NamespaceURI, _xml.LocalName) switch
        {
            (Wmo301, "Bericht") => (AllocationSource.Wmo301, (XNamespace)Wmo301, (XNamespace)WmoBasis, Law.Wmo),
            (Jw301, "Bericht") => (AllocationSource.Jw301, (XNamespace)Jw301, (XNamespace)JwBasis, Law.Jeugdwet),
            _ => throw new DeclarationFormatException(Line, null,
                "Dit is geen WMO301- of JW301-bericht van release 3.2 (verwacht: Bericht in de namespace van wmo301 of jw301)."),
        };
        _xml.Read();
        _xml.MoveToContent();
        if (_xml.LocalName != "Header" || _xml.NamespaceURI != _message.NamespaceName)
        {
            throw new DeclarationFormatException(Line, "Header", "Header ontbreekt of staat niet op zijn plaats.");
        }
        var header = (XElement)XNode.ReadFrom(_xml);
        _municipality = header.Element(_message + "Afzender")?.Value.Trim() ?? "";
        _provider = header.Element(_message + "Ontvanger")?.Value.Trim() ?? "";
        if (!Identifiers.IsMunicipalityCode(_municipality))
        {
            throw new DeclarationFormatException(Line, "Afzender", "Afzender is geen CBS-gemeentecode van 4 cijfers.");
        }
        if (!Identifiers.IsAgbCode(_provider))
        {
            throw new DeclarationFormatException(Line, "Ontvanger", "Ontvanger is geen AGB-code van 8 cijfers.");
        }
    }

    /// <summary>Walks Client → Bsn and ToegewezenProducten → ToegewezenProduct; every other element is skipped unread.</summary>
    private void ReadClients(List<ReadAllocation> allocations)
    {
        string? client = null;
        while (!_xml.EOF)
        {
            if (_xml.NodeType != XmlNodeType.Element || _xml.NamespaceURI != _message.NamespaceName)
            {
                if (_xml.NodeType == XmlNodeType.Element)
                {
                    _xml.Skip();
                }
                else
                {
                    _xml.Read();
                }
                continue;
            }
            switch (_xml.LocalName)
            {
                case "Client" or "ToegewezenProducten":
                    _xml.Read();
                    break;
                case "Bsn":
                    var line = Line;
                    client = _pseudonym.For(_xml.ReadElementContentAsString().Trim());
                    if (client is null)
                    {
                        _errors.Add(line, "Bsn", "Geen geldig BSN (9 cijfers en de elfproef).");
                    }
                    break;
                case "ToegewezenProduct":
                    var at = Line;
                    var product = (XElement)XNode.ReadFrom(_xml);
                    if (client is null)
                    {
                        _errors.Add(at, "Bsn", "ToegewezenProduct zonder geldig Bsn van de cliënt ervoor.");
                    }
                    else if (Allocation(product, client, at) is { } allocation)
                    {
                        allocations.Add(new ReadAllocation(at, allocation));
                    }
                    break;
                default:
                    // Geboortedatum, Geslacht, Naam, Relaties, Contactgegevens …: personal data the checks do not need.
                    _xml.Skip();
                    break;
            }
        }
    }

    private Allocation? Allocation(XElement product, string client, int line)
    {
        var problems = _errors.Count;
        var number = Code(product.Element(_message + "ToewijzingNummer"), "ToewijzingNummer", MaxNumberLength, line, required: true, anyText: true);
        var productElement = product.Element(_message + "Product");
        var category = Code(productElement?.Element(_basis + "Categorie"), "Product/Categorie", MaxCodeLength, line, required: true);
        var code = Code(productElement?.Element(_basis + "Code"), "Product/Code", MaxCodeLength, line, required: false);
        var start = Date(product.Element(_message + "Ingangsdatum"), "Ingangsdatum", line, required: true);
        var end = Date(product.Element(_message + "Einddatum"), "Einddatum", line, required: false);
        if (end < start)
        {
            _errors.Add(line, "Einddatum", "Einddatum ligt voor de Ingangsdatum.");
        }
        var omvang = product.Element(_message + "Omvang");
        decimal? volume = null;
        SpendingUnit? unit = null;
        AllocationFrequency? frequency = null;
        if (omvang is not null)
        {
            volume = WholeNumber(omvang.Element(_basis + "Volume"), "Omvang/Volume", line);
            var unitCode = omvang.Element(_basis + "Eenheid")?.Value.Trim() ?? "";
            unit = SpendingUnits.FromCode(unitCode);
            if (unit is null)
            {
                _errors.Add(line, "Omvang/Eenheid", "Omvang/Eenheid staat niet in codelijst WJ756.");
            }
            frequency = Core.Spending.Allocation.FrequencyFromCode(omvang.Element(_basis + "Frequentie")?.Value.Trim() ?? "");
            if (frequency is null)
            {
                _errors.Add(line, "Omvang/Frequentie", "Omvang/Frequentie moet 1 (per dag), 2 (per week), 4 (per maand) of 6 (totaal) zijn.");
            }
        }
        var budget = product.Element(_message + "Budget") is { } budgetElement ? (long?)WholeNumber(budgetElement, "Budget", line) : null;
        if (_errors.Count > problems)
        {
            return null;
        }
        return new Allocation
        {
            MunicipalityCode = _municipality, ProviderAgbCode = _provider, Law = _law, AllocationNumber = number!, ClientPseudonym = client,
            ProductCategory = category!, ProductCode = code, StartDate = start!.Value, EndDate = end, Volume = volume, Unit = unit,
            Frequency = frequency, BudgetCents = budget,
        };
    }

    /// <summary>A product code is letters and digits; a ToewijzingNummer (<paramref name="anyText"/>) any text without control characters.</summary>
    private string? Code(XElement? element, string name, int maxLength, int line, bool required, bool anyText = false)
    {
        var value = element?.Value.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                _errors.Add(line, name, $"{name} ontbreekt.");
            }
            return null;
        }
        if (value.Length > maxLength || (anyText ? TextRules.ForbiddenCharacter(value) is not null : !value.All(char.IsAsciiLetterOrDigit)))
        {
            _errors.Add(line, name, anyText
                ? $"{name} is langer dan {maxLength} tekens of bevat een stuurteken."
                : $"{name} is geen code van hoogstens {maxLength} letters en cijfers.");
            return null;
        }
        return value;
    }

    private DateOnly? Date(XElement? element, string name, int line, bool required)
    {
        if (element is null)
        {
            if (required)
            {
                _errors.Add(line, name, $"{name} ontbreekt.");
            }
            return null;
        }
        if (DateOnly.TryParseExact(element.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        _errors.Add(line, name, $"{name} is geen datum (jjjj-mm-dd).");
        return null;
    }

    /// <summary>LDT_Volume and LDT_Budget: a whole number from 0 to 99.999.999.</summary>
    private long WholeNumber(XElement? element, string name, int line)
    {
        if (long.TryParse(element?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 99_999_999)
        {
            return value;
        }
        _errors.Add(line, name, $"{name} is geen geheel getal van 0 tot en met 99.999.999.");
        return 0;
    }
}
