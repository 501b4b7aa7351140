using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;

namespace ContractRegie.Data.Import;

/// <summary>
/// The one description of the spending CSV file of the financial administration: the reader reads these columns and
/// docs/spending-import.md documents them (a test keeps the two equal).
/// </summary>
public static class SpendingColumns
{
    public static readonly ImportColumn AgbCode = new("agb_code", true, "AGB-code van de zorgaanbieder, 8 cijfers.");
    public static readonly ImportColumn Gemeente = new("gemeente", true, "CBS-gemeentecode van de betalende gemeente, 4 cijfers, bijv. 0141.");
    public static readonly ImportColumn Wet = new("wet", true, RegisterColumns.OneOf<Law>() + ".");
    public static readonly ImportColumn Productcategorie = new("productcategorie", true, "Productcategorie als in iWmo/iJw, bijv. 45.", MaxLength: 10);
    public static readonly ImportColumn Productcode = new("productcode", true, "Productcode als in iWmo/iJw, bijv. 45A53.", MaxLength: 10);
    public static readonly ImportColumn Begindatum = new("begindatum", true, "Eerste dag van de levering.");
    public static readonly ImportColumn Einddatum = new("einddatum", true, "Laatste dag van de levering; niet voor de begindatum.");
    public static readonly ImportColumn Volume = new("volume", true, "Geleverd volume in de eenheid, bijv. 12,5.");
    public static readonly ImportColumn Eenheid = new("eenheid", true,
        RegisterColumns.OneOf<SpendingUnit>() + ", of de iWmo/iJw-code (01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82/84 stuks, 83 euro).");
    public static readonly ImportColumn Bedrag = new("bedrag", true,
        "Bedrag in euro's, bijv. 1.234,56. Een negatief bedrag is een creditregel.");
    public static readonly ImportColumn DebetCredit = new("debet_credit", false, "D (debet) of C (credit). Leeg is D, of C bij een negatief bedrag.");
    public static readonly ImportColumn Factuurnummer = new("factuurnummer", true,
        "Factuur- of declaratienummer van de zorgaanbieder. Staat het per aanbieder al in een eerdere import, dan is de regel een uitzondering (dubbel).",
        MaxLength: 50);
    public static readonly ImportColumn Referentie = new("referentie", false, "Referentie van de regel bij de zorgaanbieder.", MaxLength: 50);
    public static readonly ImportColumn Toewijzingnummer = new("toewijzingnummer", false, "Toewijzingnummer van de gemeente.", MaxLength: 20);
    public static readonly ImportColumn Bsn = new("bsn", false,
        "BSN van de cliënt (elfproef). Wordt bij inlezen vervangen door een pseudoniem en nooit opgeslagen.");

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        AgbCode, Gemeente, Wet, Productcategorie, Productcode, Begindatum, Einddatum, Volume, Eenheid, Bedrag, DebetCredit,
        Factuurnummer, Referentie, Toewijzingnummer, Bsn,
    ];
}
