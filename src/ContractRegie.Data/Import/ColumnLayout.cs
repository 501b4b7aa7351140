namespace ContractRegie.Data.Import;

/// <summary>Where each known column sits in a file, read from its header line.</summary>
internal sealed class ColumnLayout
{
    private readonly Dictionary<ImportColumn, int> _positions;

    private ColumnLayout(Dictionary<ImportColumn, int> positions, int width)
    {
        _positions = positions;
        Width = width;
    }

    /// <summary>How many fields the header has; a row with data beyond it has lost its alignment.</summary>
    public int Width { get; }

    /// <summary>
    /// The layout of <paramref name="header"/>, or null when it lacks a required column, has an unknown one
    /// (a misspelt optional column would otherwise be emptied on every row) or names one twice.
    /// Empty header cells are ignored: spreadsheets export them for unused columns.
    /// </summary>
    public static ColumnLayout? Read(CsvRecord header, IReadOnlyList<ImportColumn> columns, ImportErrorList errors)
    {
        var byName = columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        // Columns are singletons; comparing them by reference spares hashing a record with its description on every value read.
        var positions = new Dictionary<ImportColumn, int>(ReferenceEqualityComparer.Instance);
        var unknown = new List<string>();
        var twice = new List<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF');
            if (name.Length == 0)
            {
                continue;
            }
            if (!byName.TryGetValue(name, out var column))
            {
                unknown.Add(name);
            }
            else if (!positions.TryAdd(column, i))
            {
                twice.Add(column.Name);
            }
        }
        var missing = columns.Where(c => c.Required && !positions.ContainsKey(c)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            errors.Add(header.Line, null, $"Ontbrekende verplichte kolommen: {List(missing)}.");
        }
        if (unknown.Count > 0)
        {
            errors.Add(header.Line, null, $"Onbekende kolommen: {List(unknown)}. Bekend zijn: {List(columns.Select(c => c.Name))}.");
        }
        if (twice.Count > 0)
        {
            errors.Add(header.Line, null, $"Dubbele kolommen: {List(twice)}.");
        }
        return missing.Count + unknown.Count + twice.Count == 0 ? new ColumnLayout(positions, header.Fields.Count) : null;
    }

    /// <summary>The trimmed value of <paramref name="column"/> in <paramref name="record"/>; empty when the file has no such column or the row stops early.</summary>
    public string ValueOf(CsvRecord record, ImportColumn column) =>
        _positions.TryGetValue(column, out var position) && position < record.Fields.Count ? record.Fields[position].Trim() : "";

    private static string List(IEnumerable<string> names) => string.Join(", ", names);
}
