namespace ContractRegie.Data.Sql;

/// <summary>Turns user text into a LIKE pattern that matches it literally; statements use <c>ESCAPE '\'</c>.</summary>
public static class Like
{
    public static string Contains(string text) =>
        "%" + text.Trim().ToLowerInvariant()
            .Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
