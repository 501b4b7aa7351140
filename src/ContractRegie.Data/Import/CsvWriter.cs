using System.Globalization;
using ContractRegie.Data.Export;

namespace ContractRegie.Data.Import;

/// <summary>
/// Writes CSV the way <see cref="CsvReader"/> and Dutch Excel read it: semicolons, a decimal comma, quotes only where a
/// value holds a semicolon, quote or line break. Row by row, so an export streams. Text goes through
/// <see cref="FormulaGuard"/>, so no cell starts a formula.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    private const char Delimiter = ';';
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public Task WriteRowAsync(params object?[] values) =>
        writer.WriteAsync(string.Join(Delimiter, values.Select(Format)) + "\r\n");

    public Task FlushAsync() => writer.FlushAsync();

    /// <summary>Cents as euros with a decimal comma and no thousands separator, so the file imports as a number.</summary>
    public static string Euros(long? cents) => cents is { } value ? (value / 100m).ToString("0.00", Dutch) : "";

    /// <summary>The whole table, header first; euro columns as <see cref="Euros"/>.</summary>
    public async Task WriteTableAsync(ExportTable table)
    {
        await WriteRowAsync([.. table.Columns.Select(c => c.Header)]);
        await foreach (var row in table.Rows)
        {
            await WriteRowAsync([.. row.Select((value, i) => table.Columns[i].Kind == ExportKind.Euros && value is long cents ? Euros(cents) : value)]);
        }
        await FlushAsync();
    }

    private static string Format(object? value)
    {
        var text = value switch
        {
            null => "",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal number => number.ToString("0.##", Dutch),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => FormulaGuard.Neutralised(value.ToString() ?? ""),
        };
        return text.IndexOfAny([Delimiter, '"', '\r', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
