namespace ContractRegie.Core.Security;

/// <summary>The roles of DESIGN.md; their names are the claim values and what a beheerder types.</summary>
public enum Role { Beheerder, Contractmanager, Inkoper, Financien, Lezer }

public static class Roles
{
    public static bool TryParse(string value, out Role role) =>
        Enum.TryParse(value.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role) && !value.Trim().All(char.IsAsciiDigit);

    /// <summary>Parses "beheerder, lezer"; unknown names are returned so the caller can report them.</summary>
    public static (IReadOnlyList<Role> Roles, IReadOnlyList<string> Unknown) ParseList(string? values)
    {
        var roles = new List<Role>();
        var unknown = new List<string>();
        foreach (var value in (values ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParse(value, out var role))
            {
                roles.Add(role);
            }
            else
            {
                unknown.Add(value);
            }
        }
        return (roles.Distinct().ToList(), unknown);
    }

    public static string Format(IEnumerable<Role> roles) => string.Join(",", roles.Distinct().Order());

    /// <summary>The role's name as the pages and mails show it.</summary>
    public static string DutchName(Role role) => role switch
    {
        Role.Beheerder => "Beheerder",
        Role.Contractmanager => "Contractmanager",
        Role.Inkoper => "Tactisch inkoper",
        Role.Financien => "Financiën",
        _ => "Lezer",
    };
}
