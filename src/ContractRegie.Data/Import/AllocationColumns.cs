using ContractRegie.Core.Contracts;

namespace ContractRegie.Data.Import;

/// <summary>The allocation CSV (docs/spending-import.md "Toewijzingen"): what a 301 message holds that the checks need, one allocation a row.</summary>
public static class AllocationColumns
{
    public static readonly ImportColumn Gemeente = new("gemeente", true, "CBS-gemeentecode van de gemeente die toewijst, 4 cijfers.");
    public static readonly ImportColumn AgbCode = new("agb_code", true, "AGB-code van de zorgaanbieder, 8 cijfers.");
    public static readonly ImportColumn Wet = new("wet", true, RegisterColumns.OneOf<Law>() + ".");
    public static readonly ImportColumn Toewijzingnummer = new("toewijzingnummer", true,
        "Toewijzingnummer; per gemeente en aanbieder uniek. Hetzelfde nummer opnieuw wijzigt die toewijzing.", MaxLength: 20);
    public static readonly ImportColumn Bsn = new("bsn", true,
        "BSN van de cliënt (elfproef). Wordt bij inlezen vervangen door een pseudoniem en nooit opgeslagen.");
    public static readonly ImportColumn Productcategorie = new("productcategorie", true, "Productcategorie als in iWmo/iJw, bijv. 45.", MaxLength: 10);
    public static readonly ImportColumn Productcode = new("productcode", false, "Productcode; leeg is de hele categorie.", MaxLength: 10);
    public static readonly ImportColumn Begindatum = new("begindatum", true, "Ingangsdatum van de toewijzing.");
    public static readonly ImportColumn Einddatum = new("einddatum", false, "Einddatum; leeg is doorlopend.");
    public static readonly ImportColumn Volume = new("volume", false, "Toegewezen volume, een geheel getal; leeg is zonder omvang.");
    public static readonly ImportColumn Eenheid = new("eenheid", false, "Eenheid van het volume, als bij de uitgaven (bijv. uur of 04).");
    public static readonly ImportColumn Frequentie = new("frequentie", false, "1 per dag, 2 per week, 4 per maand of 6 totaal.");
    public static readonly ImportColumn Budget = new("budget", false, "Budget in euro's, bijv. 1.234,56.");

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        Gemeente, AgbCode, Wet, Toewijzingnummer, Bsn, Productcategorie, Productcode, Begindatum, Einddatum, Volume, Eenheid, Frequentie, Budget,
    ];
}
