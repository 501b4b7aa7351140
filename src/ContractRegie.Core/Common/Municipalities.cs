namespace ContractRegie.Core.Common;

/// <summary>Municipalities by CBS gemeentecode: the Twente municipalities of Samen14 and neighbours the contracts name.</summary>
public static class Municipalities
{
    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["0141"] = "Almelo",
        ["0147"] = "Borne",
        ["1774"] = "Dinkelland",
        ["0153"] = "Enschede",
        ["0158"] = "Haaksbergen",
        ["0163"] = "Hellendoorn",
        ["0164"] = "Hengelo",
        ["1735"] = "Hof van Twente",
        ["0168"] = "Losser",
        ["0173"] = "Oldenzaal",
        ["1742"] = "Rijssen-Holten",
        ["0183"] = "Tubbergen",
        ["1700"] = "Twenterand",
        ["0189"] = "Wierden",
    };

    /// <summary>Every known municipality, by name, for a filter.</summary>
    public static IEnumerable<KeyValuePair<string, string>> All => Names.OrderBy(n => n.Value, StringComparer.Ordinal);

    /// <summary>"Almelo"; an unknown code stays the code, so nothing is hidden.</summary>
    public static string Name(string code) => Names.TryGetValue(code, out var name) ? name : code;

    /// <summary>"Enschede (0153)": the name people know with the code the files carry.</summary>
    public static string NameAndCode(string code) => Names.TryGetValue(code, out var name) ? $"{name} ({code})" : code;

    public static string List(IEnumerable<string> codes) => string.Join(", ", codes.Select(Name));
}
