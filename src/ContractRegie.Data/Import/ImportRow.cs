using ContractRegie.Core.Common;

namespace ContractRegie.Data.Import;

/// <summary>
/// One data row read through the header, value by value. A value that cannot be read is reported
/// against the row's line and the column's name and comes back as a stand-in, so one pass finds every
/// problem of the row; <see cref="HasErrors"/> then rejects it. The methods without a default are
/// for the columns every row must fill.
/// </summary>
internal sealed class ImportRow(CsvRecord record, ColumnLayout layout, char decimalSeparator, ImportErrorList errors)
{
    private const string DateProblem = "is geen datum; gebruik dd-mm-jjjj of jjjj-mm-dd.";

    private delegate bool TryParser<T>(string text, out T value);

    public int Line => record.Line;

    public bool HasErrors => errors.HasAny(Line);

    public void Error(ImportColumn column, string message) => errors.Add(Line, column.Name, message);

    public string Text(ImportColumn column) => Read(column, required: true) ?? "";

    public string? OptionalText(ImportColumn column) => Read(column, required: false);

    /// <summary>A code of <paramref name="digits"/> digits, such as an AGB-code; the domain checks its format.</summary>
    public string Code(ImportColumn column, int digits) => CsvValues.RestoreLeadingZeros(Text(column), digits);

    public DateOnly Date(ImportColumn column) => Required<DateOnly>(column, CsvValues.TryParseDate, DateProblem);

    public DateOnly? OptionalDate(ImportColumn column) => Optional<DateOnly>(column, CsvValues.TryParseDate, DateProblem);

    public bool Flag(ImportColumn column, bool whenEmpty) =>
        Optional<bool>(column, CsvValues.TryParseBool, "is geen ja/nee-waarde; gebruik ja, nee, j, n, true, false, 1 of 0.") ?? whenEmpty;

    public int Count(ImportColumn column, int whenEmpty) =>
        Optional<int>(column, CsvValues.TryParseCount, "is geen heel getal.") ?? whenEmpty;

    public decimal Decimal(ImportColumn column) => Required<decimal>(column, TryParseDecimal, DecimalProblem);

    public decimal Decimal(ImportColumn column, decimal whenEmpty) => Optional<decimal>(column, TryParseDecimal, DecimalProblem) ?? whenEmpty;

    public T Choice<T>(ImportColumn column) where T : struct, Enum => Required<T>(column, CsvValues.TryParseName, ChoiceProblem<T>());

    public T Choice<T>(ImportColumn column, T whenEmpty) where T : struct, Enum =>
        Optional<T>(column, CsvValues.TryParseName, ChoiceProblem<T>()) ?? whenEmpty;

    private string DecimalProblem => decimalSeparator == ','
        ? "is geen getal; gebruik een decimale komma, bijvoorbeeld 1.234,56."
        : "is geen getal; gebruik een decimale punt, bijvoorbeeld 1234.56.";

    private static string ChoiceProblem<T>() where T : struct, Enum =>
        $"is geen geldige waarde; kies uit {string.Join(", ", Enum.GetNames<T>())}.";

    private bool TryParseDecimal(string text, out decimal value) => CsvValues.TryParseDecimal(text, decimalSeparator, out value);

    private T Required<T>(ImportColumn column, TryParser<T> parse, string problem) where T : struct =>
        Read(column, required: true) is { } text ? Parse(column, text, parse, problem) ?? default : default;

    private T? Optional<T>(ImportColumn column, TryParser<T> parse, string problem) where T : struct =>
        Read(column, required: false) is { } text ? Parse(column, text, parse, problem) : null;

    private T? Parse<T>(ImportColumn column, string text, TryParser<T> parse, string problem) where T : struct
    {
        if (parse(text, out var value))
        {
            return value;
        }
        Error(column, $"'{text}' {problem}");
        return null;
    }

    private string? Read(ImportColumn column, bool required)
    {
        var value = layout.ValueOf(record, column);
        if (value.Length == 0)
        {
            if (required)
            {
                Error(column, "Verplicht veld is leeg.");
            }
            return null;
        }
        if (value.Length > column.MaxLength)
        {
            Error(column, $"Langer dan {column.MaxLength} tekens.");
            return null;
        }
        if (TextRules.ForbiddenCharacter(value) is { } forbidden)
        {
            Error(column, TextRules.ForbiddenCharacterMessage(forbidden));
            return null;
        }
        return value;
    }
}
