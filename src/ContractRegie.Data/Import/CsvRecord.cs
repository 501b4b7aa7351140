namespace ContractRegie.Data.Import;

/// <summary>One CSV record and the physical line it starts on, so a report points where an editor shows the row.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>Spreadsheets export empty rows as a line of delimiters; such a record holds no data.</summary>
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>The file cannot be read as CSV from <see cref="Line"/> on, e.g. a quote that is never closed.</summary>
public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
