using System.Globalization;

namespace ContractRegie.Data.Import;

/// <summary>
/// Writes CSV the way <see cref="CsvReader"/> and Dutch Excel read it: semicolons, a decimal comma, quotes only where a
/// value holds a semicolon, quote or line break. Row by row, so an export streams. Text that a spreadsheet would run as a
/// formula (starting with =, +, -, @, tab or carriage return; provider-supplied names and invoice numbers can) gets a
/// leading apostrophe, so Excel shows it as text; plain numbers such as a negative amount stay numbers.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    private const char Delimiter = ';';
    private static readonly System.Buffers.SearchValues<char> FormulaStarts = System.Buffers.SearchValues.Create("=+-@\t\r");
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public Task WriteRowAsync(params object?[] values) =>
        writer.WriteAsync(string.Join(Delimiter, values.Select(Format)) + "\r\n");

    public Task FlushAsync() => writer.FlushAsync();

    /// <summary>Cents as euros with a decimal comma and no thousands separator, so the file imports as a number.</summary>
    public static string Euros(long? cents) => cents is { } value ? (value / 100m).ToString("0.00", Dutch) : "";

    private static string Neutralised(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) && !IsPlainNumber(text) ? "'" + text : text;

    private static bool IsPlainNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Dutch, out _);

    private static string Format(object? value)
    {
        var text = value switch
        {
            null => "",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal number => number.ToString("0.##", Dutch),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => Neutralised(value.ToString() ?? ""),
        };
        return text.IndexOfAny([Delimiter, '"', '\r', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
