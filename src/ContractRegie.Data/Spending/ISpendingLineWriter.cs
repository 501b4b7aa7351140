using ContractRegie.Core.Spending;
using ContractRegie.Data.Sql.Spending;

namespace ContractRegie.Data.Spending;

/// <summary>
/// A spending line as it is stored: where it was in the file, the contract and exception matching gave it, and the
/// allocation it was checked against.
/// </summary>
public sealed record SpendingLineRow(int LineNumber, SpendingLine Line, long? ContractId, SpendingException? Exception, long? AllocationId = null)
{
    /// <summary>The values to store, in the order of <see cref="SpendingSql.LineColumns"/>; enums by their names.</summary>
    public object?[] Values() =>
    [
        LineNumber, Line.ProviderAgbCode, Line.MunicipalityCode, Line.Law.ToString(), Line.ProductCategory, Line.ProductCode,
        Line.DeliveryStart, Line.DeliveryEnd, Line.DeliveryStart.Year, Line.Volume, Line.Unit.ToString(), Line.AmountCents,
        Line.DebetCredit == DebetCredit.Credit ? "C" : "D", Line.DeclarationNumber, Line.ProductReference, Line.AllocationNumber,
        Line.ClientPseudonym, ContractId, Exception?.Kind.ToString(), Exception?.Reason, AllocationId,
    ];
}

/// <summary>
/// Streams spending lines into the import's transaction, the way the engine bulk-loads fastest
/// (<see cref="Dialects.ISqlDialect.BeginSpendingLinesAsync"/>); only a bounded batch is ever held in memory. Nothing is
/// committed here: the transaction's owner commits, or rolls every line back.
/// </summary>
public interface ISpendingLineWriter : IAsyncDisposable
{
    /// <summary>Lines written so far; after <see cref="CompleteAsync"/>, all of them.</summary>
    int Written { get; }

    Task AddAsync(SpendingLineRow row, CancellationToken cancellationToken);

    /// <summary>Writes what is left; no line may be added after it. Without it the lines are incomplete: roll the transaction back.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
