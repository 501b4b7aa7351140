namespace ContractRegie.Data.Import;

/// <summary>A problem with one row: the physical line it starts on, the column (null for the row or file as a whole), in Dutch.</summary>
public sealed record ImportError(int Line, string? Field, string Message);

/// <summary>
/// What an import did. When <see cref="Errors"/> holds anything the import was rejected and nothing
/// was written, so the counts are then zero.
/// </summary>
public sealed record ImportReport(
    RegisterImportKind Kind,
    int RowsRead,
    int Inserted,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportReport Rejected(RegisterImportKind kind, int rowsRead, IReadOnlyList<ImportError> errors) =>
        new(kind, rowsRead, 0, 0, 0, errors);
}

/// <summary>The errors of one import as they are found; reported in line order.</summary>
internal sealed class ImportErrorList
{
    private readonly List<ImportError> _errors = [];
    private readonly HashSet<(int Line, string? Field)> _fieldsInError = [];
    private readonly HashSet<int> _linesInError = [];

    public int Count => _errors.Count;

    public void Add(int line, string? field, string message)
    {
        _errors.Add(new ImportError(line, field, message));
        _fieldsInError.Add((line, field));
        _linesInError.Add(line);
    }

    public bool HasAny(int line) => _linesInError.Contains(line);

    public bool HasAny(int line, string field) => _fieldsInError.Contains((line, field));

    public IReadOnlyList<ImportError> InLineOrder() => _errors.OrderBy(e => e.Line).ToList();
}
