using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractRegie.Data.Import;

/// <summary>
/// How the register import reads values as Dutch spreadsheets write them. A semicolon-separated file
/// is the Dutch Excel export and uses a decimal comma with an optional thousands dot ("1.234,56"); a
/// comma-separated file uses a decimal point ("1234.56").
/// </summary>
public static partial class CsvValues
{
    private static readonly string[] DateFormats = ["d-M-yyyy", "yyyy-MM-dd"];

    public static char DecimalSeparatorFor(char delimiter) => delimiter == ';' ? ',' : '.';

    /// <summary>dd-MM-yyyy, d-M-yyyy or yyyy-MM-dd.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>ja/nee, j/n, true/false or 1/0, in any case.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        bool? parsed = text.ToLowerInvariant() switch
        {
            "ja" or "j" or "true" or "1" => true,
            "nee" or "n" or "false" or "0" => false,
            _ => null,
        };
        value = parsed ?? false;
        return parsed is not null;
    }

    /// <summary>
    /// A decimal in the file's notation. The thousands dot must group by three, so "12.5" in a
    /// semicolon file is an error rather than a silent 125.
    /// </summary>
    public static bool TryParseDecimal(string text, char decimalSeparator, out decimal value)
    {
        value = 0;
        var commaNotation = decimalSeparator == ',';
        if (!(commaNotation ? DecimalCommaNumber() : DecimalPointNumber()).IsMatch(text))
        {
            return false;
        }
        var invariant = commaNotation ? text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : text;
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A whole number without sign or separators.</summary>
    public static bool TryParseCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// An enum member by name. Case, spaces, hyphens, underscores and accents do not count, so
    /// "open house" is <c>OpenHouse</c> and "Beëindigd" is <c>Beeindigd</c>; numbers are not names.
    /// </summary>
    public static bool TryParseName<T>(string text, out T value) where T : struct, Enum =>
        SimplifiedNames<T>.ByName.TryGetValue(Simplify(text), out value);

    /// <summary>The members of <typeparamref name="T"/> by their simplified names, made once per type instead of for every value read.</summary>
    private static class SimplifiedNames<T> where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(member => Simplify(member.ToString()), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Excel drops the leading zeros of a number-like cell: "141" was gemeentecode "0141".</summary>
    public static string RestoreLeadingZeros(string code, int length) =>
        code.Length > 0 && code.Length < length && code.All(char.IsAsciiDigit) ? code.PadLeft(length, '0') : code;

    private static string Simplify(string text)
    {
        var simplified = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is not (' ' or '-' or '_') && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                simplified.Append(c);
            }
        }
        return simplified.ToString();
    }

    [GeneratedRegex(@"^[+-]?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$")]
    private static partial Regex DecimalCommaNumber();

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex DecimalPointNumber();
}
