namespace ContractRegie.Web.Pages.Labels;

/// <summary>The national product categories of iWmo (01–18) and iJw (31–50) by code, as the iStandaarden name them.</summary>
public static class ProductCategories
{
    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["01"] = "Hulp bij het huishouden",
        ["02"] = "Begeleiding",
        ["03"] = "Persoonlijke verzorging",
        ["04"] = "Kortdurend verblijf",
        ["05"] = "Woondiensten",
        ["06"] = "Overige ondersteuning gericht op het individu of huishouden",
        ["07"] = "Dagbesteding",
        ["08"] = "Vervoerdiensten",
        ["09"] = "Overige groepsgerichte ondersteuning",
        ["10"] = "Overige maatwerkarrangementen",
        ["11"] = "Rolstoelen",
        ["12"] = "Vervoervoorzieningen",
        ["13"] = "Woonvoorzieningen",
        ["14"] = "Overige hulpmiddelen",
        ["15"] = "Beschermd wonen",
        ["16"] = "Opvang",
        ["17"] = "Spoedopvang",
        ["18"] = "Overige beschermd wonen en opvang",
        ["40"] = "Persoonlijke verzorging (jeugd)",
        ["41"] = "Dagbehandeling",
        ["42"] = "Vervoerdiensten (jeugd)",
        ["43"] = "Jeugdhulp verblijf (incl. behandeling)",
        ["44"] = "Jeugdhulp verblijf (excl. behandeling)",
        ["45"] = "Jeugdhulp ambulant",
        ["46"] = "Jeugdhulp crisis",
        ["47"] = "Jeugdreclassering",
        ["48"] = "Jeugdbescherming",
        ["49"] = "Activiteiten in het preventief justitieel kader",
        ["50"] = "Maatwerkarrangementen jeugd",
    };

    /// <summary>"45 Jeugdhulp ambulant"; a municipality's own code stays as it is.</summary>
    public static string Name(string code) => Names.TryGetValue(code, out var name) ? $"{code} {name}" : code;
}
