using ContractRegie.Data.Spending;

namespace ContractRegie.Data.Import;

public enum SpendingImportOutcome { Imported, AlreadyImported, Rejected }

/// <summary>
/// What a spending import did. Rejected: nothing was written, <see cref="Errors"/> says why per line (line 0 is the
/// file as a whole). AlreadyImported: this very file was imported before, so nothing changed.
/// </summary>
public sealed record SpendingImportReport(
    SpendingImportOutcome Outcome,
    SpendingSource? Source,
    long? ImportId,
    int LinesRead,
    int LinesImported,
    int ExceptionCount,
    long TotalCents,
    string Message,
    IReadOnlyList<ImportError> Errors)
{
    public static SpendingImportReport Rejected(SpendingSource? source, int linesRead, string message, IReadOnlyList<ImportError> errors) =>
        new(SpendingImportOutcome.Rejected, source, null, linesRead, 0, 0, 0, message, errors);
}
