namespace ContractRegie.Data.Export;

/// <summary>What a column holds, so each format can write it as its own type: a date as a date, cents as euros.</summary>
public enum ExportKind { Text, Number, Date, Euros }

/// <param name="Header">The column's name in the first row.</param>
public sealed record ExportColumn(string Header, ExportKind Kind = ExportKind.Text);

/// <summary>
/// A list as the exports write it (CSV or .xlsx): columns with their kind and the rows, read as they are written.
/// A row holds per column a string, a number, a <see cref="DateOnly"/> or, for <see cref="ExportKind.Euros"/>, cents.
/// </summary>
/// <param name="Name">File name without extension; also the name of the worksheet.</param>
public sealed record ExportTable(string Name, IReadOnlyList<ExportColumn> Columns, IAsyncEnumerable<object?[]> Rows);

/// <summary>The formats every export offers.</summary>
public enum ExportFormat { Csv, Xlsx }
