namespace ContractRegie.Data.Import;

/// <summary>
/// A CSV import file read through its header: the encoding and delimiter detected, the header checked against the
/// known columns, then one <see cref="ImportRow"/> per data line. Blank lines are skipped; a line with data beyond the
/// header is reported and skipped. Both the register import and the spending CSV read their files this way.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly TextReader _text;
    private readonly CsvReader _csv;
    private readonly ColumnLayout _layout;
    private readonly char _decimalSeparator;

    private CsvTable(TextReader text, CsvReader csv, ColumnLayout layout)
    {
        _text = text;
        _csv = csv;
        _layout = layout;
        _decimalSeparator = CsvValues.DecimalSeparatorFor(csv.Delimiter);
    }

    /// <summary>Data lines read so far, blank ones not counted.</summary>
    public int RowsRead { get; private set; }

    /// <summary>The table positioned after its header, or null when the header is missing, wrong or unreadable (reported).</summary>
    public static async Task<CsvTable?> OpenAsync(Stream file, IReadOnlyList<ImportColumn> columns, ImportErrorList errors, CancellationToken cancellationToken)
    {
        var text = await CsvEncoding.OpenAsync(file, cancellationToken);
        try
        {
            var csv = await CsvReader.OpenAsync(text, cancellationToken);
            var header = await csv.ReadAsync(cancellationToken);
            if (header is null || header.IsBlank)
            {
                errors.Add(1, null, "Het bestand heeft geen kopregel met kolomnamen.");
            }
            else if (ColumnLayout.Read(header, columns, errors) is { } layout)
            {
                return new CsvTable(text, csv, layout);
            }
        }
        catch (CsvFormatException broken)
        {
            errors.Add(broken.Line, null, broken.Message);
        }
        text.Dispose();
        return null;
    }

    /// <summary>The next data line, or null at the end. Throws <see cref="CsvFormatException"/> when the CSV itself is broken.</summary>
    public async Task<ImportRow?> ReadAsync(ImportErrorList errors, CancellationToken cancellationToken)
    {
        while (await _csv.ReadAsync(cancellationToken) is { } record)
        {
            if (record.IsBlank)
            {
                continue;
            }
            RowsRead++;
            if (record.Fields.Skip(_layout.Width).Any(f => !string.IsNullOrWhiteSpace(f)))
            {
                errors.Add(record.Line, null,
                    "De regel heeft meer velden dan de kopregel. Staat er een scheidingsteken in een waarde zonder aanhalingstekens?");
                continue;
            }
            return new ImportRow(record, _layout, _decimalSeparator, errors);
        }
        return null;
    }

    public void Dispose() => _text.Dispose();
}
