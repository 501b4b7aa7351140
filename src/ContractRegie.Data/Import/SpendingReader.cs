using ContractRegie.Core.Spending;
using ContractRegie.Data.Spending;

namespace ContractRegie.Data.Import;

/// <summary>A spending line read from a file, with the line of the file it starts on.</summary>
internal readonly record struct ReadSpendingLine(int Line, SpendingLine Spending);

/// <summary>
/// Reads spending lines from a file one at a time, so a file is never held whole. Problems are reported in the
/// error list with their line and the reader goes on, so one pass finds them all; a broken file ends the reading.
/// </summary>
internal interface ISpendingReader : IDisposable
{
    SpendingSource Source { get; }

    /// <summary>The declaration a 323 message is, read before its first line; null for a CSV file.</summary>
    DeclarationHeader? Declaration { get; }

    int LinesRead { get; }

    /// <summary>The next valid line, or null at the end of the file.</summary>
    Task<ReadSpendingLine?> ReadAsync(ImportErrorList errors, CancellationToken cancellationToken);

    /// <summary>Checks what can only be checked at the end (a declaration's total).</summary>
    void Complete(ImportErrorList errors);
}
