namespace ContractRegie.Core.Common;

/// <summary>
/// What text input may hold, the same for the API, the imports and the pages: at most the length of its database column
/// (SQLite would store a megabyte in a 200-character column), and no control characters or bidirectional overrides,
/// which hide or reverse what a reader sees (a NUL cuts a name short in C tools; U+202E turns "fdp.exe" around).
/// Names and identifiers are one line; free text may have line breaks and tabs.
/// </summary>
public static class TextRules
{
    /// <summary>A single-line name or identifier: no control characters at all.</summary>
    public static void Name(ValidationErrors errors, string field, string? value, int maxLength) =>
        Check(errors, field, value, maxLength, allowLineBreaks: false);

    /// <summary>Free text such as a reason or a note: line breaks and tabs allowed, other control characters not.</summary>
    public static void Text(ValidationErrors errors, string field, string? value, int maxLength) =>
        Check(errors, field, value, maxLength, allowLineBreaks: true);

    /// <summary>The first character a name may not hold, or null.</summary>
    public static char? ForbiddenCharacter(string value, bool allowLineBreaks = false)
    {
        foreach (var c in value)
        {
            if (IsBidiControl(c) || (char.IsControl(c) && !(allowLineBreaks && c is '\r' or '\n' or '\t')))
            {
                return c;
            }
        }
        return null;
    }

    private static void Check(ValidationErrors errors, string field, string? value, int maxLength, bool allowLineBreaks)
    {
        if (value is null)
        {
            return;
        }
        errors.AddIf(value.Length > maxLength, field, $"Hoogstens {maxLength} tekens.");
        if (ForbiddenCharacter(value, allowLineBreaks) is { } c)
        {
            errors.Add(field, ForbiddenCharacterMessage(c));
        }
    }

    public static string ForbiddenCharacterMessage(char c) =>
        $"Bevat een niet-toegestaan teken (U+{(int)c:X4}): geen stuurtekens of tekens die de schrijfrichting omkeren.";

    /// <summary>The embeddings, overrides and isolates of Unicode's bidirectional algorithm, and the direction marks.</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
