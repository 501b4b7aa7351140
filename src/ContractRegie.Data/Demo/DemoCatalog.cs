using ContractRegie.Core.Security;
using ContractRegie.Core.Contracts;

namespace ContractRegie.Data.Demo;

/// <summary>A product of a demo service: iWmo/iJw category and code, unit, and the range a tariff falls in.</summary>
internal sealed record DemoProduct(string Category, string Code, TariffUnit Unit, decimal MinimumEuros, decimal MaximumEuros);

/// <summary>What a demo contract is for; its products become the tariff lines.</summary>
internal sealed record DemoService(string Title, Law Law, IReadOnlyList<DemoProduct> Products);

/// <summary>A place in Twente and the postcode numbers it has.</summary>
internal sealed record DemoPlace(string Name, int FirstPostcode, int LastPostcode, int Weight);

/// <summary>The word lists and tables the demo register is built from.</summary>
internal static class DemoCatalog
{
    public const string Almelo = "0141";
    public const string HofVanTwente = "1735";

    /// <summary>
    /// The 14 Twente municipalities (Samen14) by CBS code, with rounded populations to share a regional
    /// budget between them the way the region does.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Name, int Population)> Twente =
    [
        (Almelo, "Almelo", 74_000),
        ("0147", "Borne", 24_000),
        ("1774", "Dinkelland", 26_000),
        ("0153", "Enschede", 161_000),
        ("0158", "Haaksbergen", 24_000),
        ("0163", "Hellendoorn", 36_000),
        ("0164", "Hengelo", 82_000),
        (HofVanTwente, "Hof van Twente", 35_000),
        ("0168", "Losser", 23_000),
        ("0173", "Oldenzaal", 32_000),
        ("1742", "Rijssen-Holten", 39_000),
        ("0183", "Tubbergen", 21_000),
        ("1700", "Twenterand", 34_000),
        ("0189", "Wierden", 25_000),
    ];

    public static readonly IReadOnlyList<string> NamePrefixes =
    [
        "Stichting", "Zorggroep", "Jeugdzorg", "Thuiszorg", "Begeleidingsdienst", "Praktijk", "Zorgboerderij",
        "Dagbesteding", "Woonzorg", "Ambulante Zorg", "Gezinshuis", "Jeugdhulp", "Coaching", "Zorgcentrum", "Ondersteuning",
    ];

    /// <summary>The providers OZJT manages are the big regional organisations.</summary>
    public static readonly IReadOnlyList<string> LargeProviderPrefixes = ["Stichting", "Zorggroep", "Zorgcentrum"];

    public static readonly IReadOnlyList<string> NameCores =
    [
        "De Linde", "Het Anker", "De Horst", "De Esch", "Het Erve", "De Regge", "De Dinkel", "De Zonnebloem",
        "De Boomgaard", "Het Kompas", "De Brug", "Het Baken", "De Vlinder", "De Wending", "Het Veld", "De Maat",
        "De Kern", "Het Hofje", "De Haven", "Samen Verder", "Groeikracht", "Lichtpunt", "Perspectief", "Balans",
        "Kleurrijk", "Dichtbij", "Vitaal", "Eigen Kracht", "Op Koers", "Stapsgewijs", "Wilgenhof", "Eikenhorst",
        "Beukenrode", "Essenburg", "Berkenhof", "Lindehof", "Het Elsbroek", "De Koppel", "Het Lansink", "De Bolder",
    ];

    public static readonly IReadOnlyList<string> NameSuffixes = ["", "", "", "Twente", "Almelo", "Oost", "Noord-Twente", "B.V.", "& Partners"];

    public static readonly IReadOnlyList<string> Streets =
    [
        "Grotestraat", "Marktstraat", "Hofstraat", "Stationsstraat", "Wierdensestraat", "Bornsestraat", "Ootmarsumsestraat",
        "Rembrandtlaan", "Schoolstraat", "Molenstraat", "Kerkstraat", "Industrieweg", "Havenstraat", "Boddenkampstraat",
        "Haaksbergerstraat", "Hengelosestraat", "Oldenzaalsestraat", "Parallelweg", "Veldkampweg", "Zuiderval",
        "Windmolenbroeksweg", "Vriezenveenseweg", "Bedrijvenweg", "Twentepoort", "Sluiskade",
    ];

    /// <summary>Weighted so most providers sit in Almelo, as a municipality's local register has it.</summary>
    public static readonly IReadOnlyList<DemoPlace> Places =
    [
        new("Almelo", 7600, 7609, 40),
        new("Enschede", 7511, 7547, 14),
        new("Hengelo", 7550, 7559, 10),
        new("Goor", 7471, 7472, 5),
        new("Delden", 7491, 7491, 3),
        new("Borne", 7621, 7623, 4),
        new("Wierden", 7641, 7643, 4),
        new("Vriezenveen", 7671, 7672, 4),
        new("Nijverdal", 7441, 7443, 4),
        new("Rijssen", 7461, 7463, 4),
        new("Oldenzaal", 7570, 7577, 4),
        new("Haaksbergen", 7481, 7483, 2),
        new("Losser", 7581, 7582, 1),
        new("Tubbergen", 7651, 7651, 1),
    ];

    /// <summary>Letters postcodes use; SA, SD and SS are never issued, so S is left out of the first letter.</summary>
    public const string PostcodeFirstLetters = "ABCDEGHJKLMNPRTVWXZ";
    public const string PostcodeLetters = "ABCDEGHJKLMNPRSTVWXZ";

    /// <summary>The municipality's staff in the demo; contracts name their contractmanager and inkoper by user name.</summary>
    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("a.bakker", "A. Bakker", Role.Contractmanager), new("m.devries", "M. de Vries", Role.Contractmanager),
        new("s.nijhuis", "S. Nijhuis", Role.Contractmanager), new("r.oudewesselink", "R. Oude Wesselink", Role.Contractmanager),
        new("j.kamphuis", "J. Kamphuis", Role.Contractmanager), new("l.terhorst", "L. ter Horst", Role.Contractmanager),
        new("h.brookhuis", "H. Brookhuis", Role.Contractmanager),
        new("e.brinkman", "E. Brinkman", Role.Inkoper), new("t.huisman", "T. Huisman", Role.Inkoper), new("k.wolters", "K. Wolters", Role.Inkoper),
        new("f.smit", "F. Smit", Role.Financien), new("w.lezer", "W. Lezer", Role.Lezer),
        // The functioneel beheerder with an address: mail the dispatcher gives up on, and signals nobody else can be reached for.
        new("g.mulder", "G. Mulder", Role.Beheerder),
    ];

    public static readonly IReadOnlyList<string> ContractManagers =
        People.Where(p => p.Role == Role.Contractmanager).Select(p => p.UserName).ToList();

    public static readonly IReadOnlyList<string> TactischInkopers =
        People.Where(p => p.Role == Role.Inkoper).Select(p => p.UserName).ToList();

    public static string ContractOwnerFor(Law law) => law switch
    {
        Law.Jeugdwet => "Teamleider Jeugd",
        Law.Wmo => "Teamleider Wmo",
        _ => "Teamleider Werk en Inkomen",
    };

    // iWmo categories: 01 huishouden, 02 begeleiding, 03 persoonlijke verzorging, 04 kortdurend verblijf, 07 dagbesteding,
    // 10 overige maatwerkarrangementen, 15 beschermd wonen. iJw: 40 persoonlijke verzorging, 41 dagbehandeling,
    // 42 vervoer, 43/44 verblijf met/zonder behandeling, 45 ambulant, 46 crisis, 50 maatwerkarrangementen.
    // The Participatiewet has no iStandaard; its services carry the municipality's own codes.
    public static readonly IReadOnlyList<DemoService> LocalServices =
    [
        new("Jeugdhulp ambulant", Law.Jeugdwet,
            [new("45", "45A53", TariffUnit.Uur, 70m, 105m), new("45", "45A54", TariffUnit.Uur, 80m, 115m)]),
        new("Dagbehandeling jeugd", Law.Jeugdwet,
            [new("41", "41A03", TariffUnit.Dagdeel, 55m, 95m), new("42", "42A01", TariffUnit.Stuk, 15m, 35m)]),
        new("Jeugdhulp met verblijf", Law.Jeugdwet,
            [new("43", "43A05", TariffUnit.Etmaal, 180m, 320m), new("44", "44A02", TariffUnit.Etmaal, 140m, 240m)]),
        new("Persoonlijke verzorging jeugd", Law.Jeugdwet, [new("40", "40A02", TariffUnit.Uur, 45m, 60m)]),
        new("Hulp bij het huishouden", Law.Wmo,
            [new("01", "01A01", TariffUnit.Uur, 30m, 38m), new("01", "01A02", TariffUnit.Uur, 36m, 45m)]),
        new("Begeleiding individueel", Law.Wmo,
            [new("02", "02A01", TariffUnit.Uur, 55m, 70m), new("02", "02A02", TariffUnit.Uur, 65m, 85m)]),
        new("Dagbesteding", Law.Wmo,
            [new("07", "07A01", TariffUnit.Dagdeel, 35m, 55m), new("07", "07A02", TariffUnit.Dagdeel, 50m, 75m)]),
        new("Kortdurend verblijf", Law.Wmo, [new("04", "04A01", TariffUnit.Etmaal, 120m, 180m)]),
        new("Persoonlijke verzorging", Law.Wmo, [new("03", "03A01", TariffUnit.Uur, 50m, 62m)]),
        new("Beschermd wonen", Law.Wmo, [new("15", "15A01", TariffUnit.Etmaal, 110m, 190m)]),
        new("Re-integratie en jobcoaching", Law.Participatiewet,
            [new("REI", "REI01", TariffUnit.Uur, 60m, 85m), new("REI", "REI02", TariffUnit.Stuk, 900m, 1600m)]),
        new("Beschut werk", Law.Participatiewet, [new("BW", "BW01", TariffUnit.Week, 250m, 400m)]),
    ];

    /// <summary>What OZJT procures for Samen14: crisis care, wonen en verblijf, dyslexie, huishoudelijke ondersteuning.</summary>
    public static readonly IReadOnlyList<DemoService> RegionalServices =
    [
        new("Crisishulp jeugd Twente", Law.Jeugdwet,
            [new("46", "46A01", TariffUnit.Etmaal, 350m, 550m), new("46", "46A02", TariffUnit.Uur, 110m, 140m)]),
        new("Wonen en verblijf jeugd Twente", Law.Jeugdwet,
            [new("43", "43A01", TariffUnit.Etmaal, 220m, 380m), new("44", "44A05", TariffUnit.Etmaal, 160m, 260m)]),
        new("Dyslexiezorg Twente", Law.Jeugdwet, [new("45", "45A60", TariffUnit.Uur, 85m, 105m)]),
        new("Huishoudelijke ondersteuning Twente", Law.Wmo, [new("01", "01A03", TariffUnit.Uur, 31m, 37m)]),
    ];

    public static readonly IReadOnlyList<DemoService> NationalServices =
    [
        new("Landelijk transitiearrangement specialistische jeugdhulp", Law.Jeugdwet,
            [new("43", "43A20", TariffUnit.Etmaal, 400m, 900m), new("45", "45A70", TariffUnit.Uur, 120m, 160m)]),
    ];

    public static readonly IReadOnlyList<DemoService> CustomServices =
    [
        new("Maatwerkarrangement jeugd", Law.Jeugdwet, [new("50", "50A01", TariffUnit.Stuk, 500m, 3000m)]),
        new("Maatwerkvoorziening Wmo", Law.Wmo, [new("10", "10A01", TariffUnit.Stuk, 300m, 2500m)]),
    ];
}

public sealed record DemoPerson(string UserName, string DisplayName, Role Role)
{
    public string Email => UserName + "@almelo.example";
}
