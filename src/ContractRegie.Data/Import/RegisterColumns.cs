using ContractRegie.Core.Contracts;
using ContractRegie.Core.Providers;

namespace ContractRegie.Data.Import;

public enum RegisterImportKind { Providers, Contracts, Tariffs, OutcomeMeasurements, FinancialStatements }

/// <summary>A column of a register import file.</summary>
/// <param name="Name">The header name; matched case-insensitively, in any order.</param>
/// <param name="Required">The header must have it and every row must fill it.</param>
/// <param name="Description">What to put in it, in Dutch, for the documentation and the CLI's help.</param>
/// <param name="DomainField">The field key the domain's Validate() uses, so its messages land on this column.</param>
/// <param name="MaxLength">The database column's size.</param>
public sealed record ImportColumn(string Name, bool Required, string Description, string? DomainField = null, int? MaxLength = null);

/// <summary>A register import file as people see it: on its upload page, in the command line's report.</summary>
/// <param name="DutchName">Dutch plural in lower case ("zorgaanbieders"): the upload page's address and the report's noun.</param>
/// <param name="Description">One Dutch sentence on what the file holds, for the upload pages.</param>
public sealed record RegisterImportFile(RegisterImportKind Kind, string DutchName, string Description, IReadOnlyList<ImportColumn> Columns)
{
    public static readonly IReadOnlyList<RegisterImportFile> All =
    [
        new(RegisterImportKind.Providers, "zorgaanbieders", "Het registerbestand met zorgaanbieders; de AGB-code is de sleutel.",
            RegisterColumns.Providers.All),
        new(RegisterImportKind.Contracts, "contracten", "Het registerbestand met contracten; het contractnummer is de sleutel.",
            RegisterColumns.Contracts.All),
        new(RegisterImportKind.Tariffs, "tarieven", "Tariefregels per contract en product.", RegisterColumns.Tariffs.All),
        new(RegisterImportKind.OutcomeMeasurements, "prestatiemetingen", "Gemeten waarden bij de prestatieafspraken van contracten.",
            RegisterColumns.OutcomeMeasurements.All),
        new(RegisterImportKind.FinancialStatements, "jaarrekeningen", "Kerncijfers uit de jaarrekeningen van zorgaanbieders.",
            RegisterColumns.FinancialStatements.All),
    ];

    public static RegisterImportFile Of(RegisterImportKind kind) => All.Single(file => file.Kind == kind);
}

/// <summary>
/// The one description of the register import files: the parser reads the columns listed here and
/// docs/import.md documents them (a test keeps the two equal).
/// </summary>
public static class RegisterColumns
{
    public static IReadOnlyList<ImportColumn> For(RegisterImportKind kind) => RegisterImportFile.Of(kind).Columns;

    /// <summary>The kind as the API path and the command line name it: "outcome-measurements".</summary>
    public static string NameOf(RegisterImportKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParseKind(string name, out RegisterImportKind kind)
    {
        kind = Enum.GetValues<RegisterImportKind>().FirstOrDefault(k => string.Equals(NameOf(k), name, StringComparison.OrdinalIgnoreCase));
        return string.Equals(NameOf(kind), name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"providers, contracts, … of financial-statements": the kinds for a help or error text.</summary>
    public static string KindNames() => Alternatives(Enum.GetValues<RegisterImportKind>().Select(NameOf).ToArray());

    /// <summary>"A, B of C": the names an enum column accepts (also for <see cref="SpendingColumns"/>).</summary>
    internal static string OneOf<T>() where T : struct, Enum => Alternatives(Enum.GetNames<T>());

    private static string Alternatives(string[] names) => string.Join(", ", names[..^1]) + " of " + names[^1];

    /// <summary>Zorgaanbieders; the AGB-code is the key: a provider with that code is updated.</summary>
    public static class Providers
    {
        public static readonly ImportColumn Naam = new("naam", true, "Naam van de zorgaanbieder.", "name", 200);
        public static readonly ImportColumn KvkNummer = new("kvk_nummer", true, "KvK-nummer, 8 cijfers.", "kvkNumber");
        public static readonly ImportColumn AgbCode = new("agb_code", true,
            "AGB-code, 8 cijfers. Sleutel: een aanbieder met deze AGB-code wordt bijgewerkt.", "agbCode");
        public static readonly ImportColumn Straat = new("straat", false, "Straat en huisnummer.", MaxLength: 200);
        public static readonly ImportColumn Postcode = new("postcode", false, "Postcode.", MaxLength: 10);
        public static readonly ImportColumn Plaats = new("plaats", false, "Vestigingsplaats.", MaxLength: 100);
        public static readonly ImportColumn Email = new("email", false, "Algemeen e-mailadres.", "contactEmail", 254);
        public static readonly ImportColumn Contractmanager = new("contractmanager", false,
            "Contractmanager van de gemeente die de aanbieder beheert.", MaxLength: 100);
        public static readonly ImportColumn OzjtTop16 = new("ozjt_top16", false,
            "ja/nee: OZJT doet het contractmanagement (top 16 van Twente). Leeg is nee.");
        public static readonly ImportColumn Actief = new("actief", false, "ja/nee. Leeg is ja.");

        public static readonly IReadOnlyList<ImportColumn> All =
            [Naam, KvkNummer, AgbCode, Straat, Postcode, Plaats, Email, Contractmanager, OzjtTop16, Actief];
    }

    /// <summary>Contracts; the contract number is the key.</summary>
    public static class Contracts
    {
        public static readonly ImportColumn Contractnummer = new("contractnummer", true,
            "Contractnummer. Sleutel: een contract met dit nummer wordt bijgewerkt.", "contractNumber", 50);
        public static readonly ImportColumn Omschrijving = new("omschrijving", true, "Omschrijving van het contract.", "title", 300);
        public static readonly ImportColumn AgbCode = new("agb_code", true,
            "AGB-code van de zorgaanbieder; die moet al in het register staan.", "providerId");
        public static readonly ImportColumn Soort = new("soort", true, OneOf<ContractKind>() + ".");
        public static readonly ImportColumn Wet = new("wet", true, OneOf<Law>() + ".");
        public static readonly ImportColumn Aanbestedingsroute = new("aanbestedingsroute", true, OneOf<ProcurementRoute>() + ".");
        public static readonly ImportColumn Gemeenten = new("gemeenten", true,
            "CBS-gemeentecodes van de deelnemende gemeenten, gescheiden door komma of spatie, bijv. \"0141,1735\".", "municipalities");
        public static readonly ImportColumn Startdatum = new("startdatum", true, "Ingangsdatum.");
        public static readonly ImportColumn Einddatum = new("einddatum", true, "Oorspronkelijke einddatum, zonder verlengingen.", "initialEndDate");
        public static readonly ImportColumn Opties = new("opties", false,
            "Verlengingsopties in maanden, in volgorde, met + ertussen, bijv. \"12+12\". Leeg is geen opties.", "extensionOptions");
        public static readonly ImportColumn OptiesGelicht = new("opties_gelicht", false,
            "Hoeveel van de opties (van voren af) gelicht zijn. Leeg is 0.");
        public static readonly ImportColumn Opzegtermijn = new("opzegtermijn_maanden", false,
            "Hoeveel maanden voor het einde het verlengingsbesluit bekend moet zijn. Leeg is 0.", "noticePeriodMonths");
        public static readonly ImportColumn DoorlooptijdAanbesteding = new("doorlooptijd_aanbesteding_maanden", false,
            "Hoeveel maanden een nieuwe aanbesteding duurt. Leeg is de standaard van de aanbestedingsroute.", "procurementLeadTimeMonths");
        public static readonly ImportColumn Contracteigenaar = new("contracteigenaar", false, "Eigenaar van het contract.", MaxLength: 100);
        public static readonly ImportColumn Contractmanager = new("contractmanager", false, "Contractmanager.", MaxLength: 100);
        public static readonly ImportColumn TactischInkoper = new("tactisch_inkoper", false, "Tactisch inkoper.", MaxLength: 100);
        public static readonly ImportColumn Status = new("status", false, OneOf<ContractStatus>() + ". Leeg is Actief.");

        public static readonly IReadOnlyList<ImportColumn> All =
        [
            Contractnummer, Omschrijving, AgbCode, Soort, Wet, Aanbestedingsroute, Gemeenten, Startdatum, Einddatum,
            Opties, OptiesGelicht, Opzegtermijn, DoorlooptijdAanbesteding, Contracteigenaar, Contractmanager, TactischInkoper, Status,
        ];
    }

    /// <summary>Tariff lines; contract, product category, product code and valid-from together are the key.</summary>
    public static class Tariffs
    {
        public static readonly ImportColumn Contractnummer = new("contractnummer", true,
            "Nummer van het contract; dat moet al in het register staan.");
        public static readonly ImportColumn Productcategorie = new("productcategorie", true,
            "Productcategorie als in iWmo/iJw, bijv. 45.", "productCategory", 10);
        public static readonly ImportColumn Productcode = new("productcode", true,
            "Productcode als in iWmo/iJw, bijv. 45A53.", "productCode", 10);
        public static readonly ImportColumn Eenheid = new("eenheid", true, OneOf<TariffUnit>() + ".");
        public static readonly ImportColumn Tarief = new("tarief", true, "Prijs per eenheid in euro's, bijv. 72,50.", "priceCents");
        public static readonly ImportColumn GeldigVan = new("geldig_van", true,
            "Eerste dag waarop het tarief geldt. Met contractnummer, productcategorie en productcode de sleutel; "
            + "tarieven van één product mogen elkaar niet overlappen.", "validFrom");
        public static readonly ImportColumn GeldigTot = new("geldig_tot", false, "Laatste dag waarop het tarief geldt. Leeg is doorlopend.", "validTo");
        public static readonly ImportColumn Indexatie = new("indexatie", false,
            "Jaarlijkse indexatie in procenten, hoogstens 4 decimalen, bijv. 3,25: elk kalenderjaar na het jaar van geldig_van "
            + "wordt de prijs van het jaar ervoor ermee verhoogd en op centen afgerond. Leeg is 0.", "indexationPercent");

        public static readonly IReadOnlyList<ImportColumn> All =
            [Contractnummer, Productcategorie, Productcode, Eenheid, Tarief, GeldigVan, GeldigTot, Indexatie];
    }

    /// <summary>Outcome measurements; contract, indicator and period together are the key.</summary>
    public static class OutcomeMeasurements
    {
        public static readonly ImportColumn Contractnummer = new("contractnummer", true,
            "Nummer van het contract; dat moet al in het register staan.");
        public static readonly ImportColumn Indicator = new("indicator", true,
            "Indicator zoals in de prestatieafspraak van het contract, bijv. Wachttijd tot start zorg.", "indicator", 100);
        public static readonly ImportColumn Periode = new("periode", true,
            "Rapportageperiode: jaar (2026), halfjaar (2026-H1) of kwartaal (2026-K1), zoals de afspraak rapporteert.", "period");
        public static readonly ImportColumn Waarde = new("waarde", true, "Gemeten waarde in de eenheid van de afspraak, bijv. 38 of 82,5.", "value");
        public static readonly ImportColumn GerapporteerdOp = new("gerapporteerd_op", true, "Datum waarop de aanbieder rapporteerde.");
        public static readonly ImportColumn Bron = new("bron", false, "Waar het cijfer vandaan komt, bijv. kwartaalrapportage.", "source", 200);

        public static readonly IReadOnlyList<ImportColumn> All = [Contractnummer, Indicator, Periode, Waarde, GerapporteerdOp, Bron];
    }

    /// <summary>Annual statements; AGB-code and year together are the key. Amounts in euros.</summary>
    public static class FinancialStatements
    {
        public static readonly ImportColumn AgbCode = new("agb_code", true,
            "AGB-code van de zorgaanbieder; die moet al in het register staan.", "providerId");
        public static readonly ImportColumn Boekjaar = new("boekjaar", true, "Boekjaar van de jaarrekening, bijv. 2025. Met de AGB-code de sleutel.", "year");
        public static readonly ImportColumn Omzet = new("omzet", true, "Totale omzet in euro's.", "revenueCents");
        public static readonly ImportColumn Resultaat = new("resultaat", true, "Resultaat in euro's; een verlies is negatief.", "resultCents");
        public static readonly ImportColumn EigenVermogen = new("eigen_vermogen", true, "Eigen vermogen in euro's.", "equityCents");
        public static readonly ImportColumn Balanstotaal = new("balanstotaal", true, "Totaal van de activa in euro's.", "totalAssetsCents");
        public static readonly ImportColumn VlottendeActiva = new("vlottende_activa", true, "Vlottende activa in euro's.", "currentAssetsCents");
        public static readonly ImportColumn KortlopendeSchulden = new("kortlopende_schulden", true,
            "Kortlopende schulden in euro's.", "currentLiabilitiesCents");
        public static readonly ImportColumn OmzetGemeente = new("omzet_gemeente", true,
            "Deel van de omzet dat van deze gemeente komt, in euro's.", "municipalRevenueCents");
        public static readonly ImportColumn Accountantsverklaring = new("accountantsverklaring", true, OneOf<AuditorOpinion>() + ".");
        public static readonly ImportColumn Continuiteit = new("continuiteitsparagraaf", false,
            "ja/nee: de jaarrekening twijfelt aan het voortbestaan. Leeg is nee.");
        public static readonly ImportColumn IngediendOp = new("ingediend_op", false, "Datum waarop de jaarrekening binnenkwam.", "filedOn");

        public static readonly IReadOnlyList<ImportColumn> All =
        [
            AgbCode, Boekjaar, Omzet, Resultaat, EigenVermogen, Balanstotaal, VlottendeActiva, KortlopendeSchulden, OmzetGemeente,
            Accountantsverklaring, Continuiteit, IngediendOp,
        ];
    }
}
