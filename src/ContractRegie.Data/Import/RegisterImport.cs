using System.Data.Common;
using ContractRegie.Core.Common;

namespace ContractRegie.Data.Import;

internal enum ImportChange { Insert, Update, Unchanged }

/// <summary>
/// What importing one valid row will do, and the write that does it: none when unchanged, or when the import writes it with
/// the file's other new rows (<see cref="InsertWithTheOthers"/>).
/// </summary>
internal sealed record PlannedWrite(ImportChange Change, Func<DbTransaction, Task>? Write)
{
    public static PlannedWrite Insert(Func<DbTransaction, Task> write) => new(ImportChange.Insert, write);
    /// <summary>A new row the import keeps and inserts in bulk with the others (<see cref="BulkRegisterImport{TRow, TNew}"/>).</summary>
    public static readonly PlannedWrite InsertWithTheOthers = new(ImportChange.Insert, null);
    public static PlannedWrite Update(Func<DbTransaction, Task> write) => new(ImportChange.Update, write);
    public static readonly PlannedWrite Unchanged = new(ImportChange.Unchanged, null);
}

/// <summary>
/// One kind of register file: how a row becomes a domain object, its natural key, and how it is
/// checked against and written to the database. An instance serves one import, so it may cache lookups.
/// </summary>
internal abstract class RegisterImport<TRow>(IReadOnlyList<ImportColumn> columns) where TRow : class
{
    public IReadOnlyList<ImportColumn> Columns => columns;

    /// <summary>The column a duplicate key is reported on.</summary>
    public abstract ImportColumn KeyColumn { get; }

    /// <summary>The row as a domain object, or null when a value cannot be read (reported on the row).</summary>
    public abstract TRow? Parse(ImportRow row);

    /// <summary>Compared case-insensitively: SQL Server's default collation would see "ab" and "AB" as one key.</summary>
    public abstract string NaturalKey(TRow row);

    public abstract string DuplicateMessage(int firstLine);

    /// <summary>
    /// Reads, before any row is planned, what is stored for all of the file's rows at once, so planning a row needs no query of
    /// its own. By default nothing: each row's plan reads what it needs.
    /// </summary>
    public virtual Task ReadStoredAsync(IReadOnlyList<TRow> rows, DbTransaction transaction) => Task.CompletedTask;

    /// <summary>
    /// Resolves references and runs the domain's Validate() inside the import's transaction, and decides
    /// between insert, update and leaving the stored row alone. Null when the row has errors (reported).
    /// </summary>
    public abstract Task<PlannedWrite?> PlanAsync(int line, TRow row, ImportErrorList errors, DbTransaction transaction);

    /// <summary>Carries out the plans of a file without errors, in file order, each with its own write.</summary>
    public virtual async Task WriteAsync(IReadOnlyList<PlannedWrite> plans, DbTransaction transaction)
    {
        foreach (var plan in plans)
        {
            if (plan.Write is { } write)
            {
                await write(transaction);
            }
        }
    }

    /// <summary>
    /// Reports the domain's errors on their columns. An error on a column that already has one is left
    /// out: it would repeat it (a provider that does not exist is also "required").
    /// </summary>
    protected bool IsValid(int line, ValidationErrors validation, ImportErrorList errors)
    {
        foreach (var (domainField, messages) in validation.ToDictionary())
        {
            var column = ColumnFor(domainField);
            if (column is null || !errors.HasAny(line, column))
            {
                foreach (var message in messages)
                {
                    errors.Add(line, column, message);
                }
            }
        }
        return !errors.HasAny(line);
    }

    /// <summary>"extensionOptions[1].durationMonths" belongs to the column of "extensionOptions".</summary>
    private string? ColumnFor(string domainField)
    {
        var root = domainField.Split('[', '.')[0];
        return columns.FirstOrDefault(c => c.DomainField == root)?.Name;
    }
}

/// <summary>
/// A register file planned in memory against what <see cref="RegisterImport{TRow}.ReadStoredAsync"/> read for the whole file:
/// its new rows (<typeparamref name="TNew"/>) are inserted together, before the updates, which go row by row (rare in a bulk load).
/// </summary>
internal abstract class BulkRegisterImport<TRow, TNew>(IReadOnlyList<ImportColumn> columns) : RegisterImport<TRow>(columns) where TRow : class
{
    private readonly List<TNew> _new = [];

    public sealed override Task<PlannedWrite?> PlanAsync(int line, TRow row, ImportErrorList errors, DbTransaction transaction) =>
        Task.FromResult(Plan(line, row, errors));

    public sealed override async Task WriteAsync(IReadOnlyList<PlannedWrite> plans, DbTransaction transaction)
    {
        await InsertAsync(_new, transaction);
        await base.WriteAsync(plans, transaction);
    }

    /// <summary>What <see cref="RegisterImport{TRow}.PlanAsync"/> decides, from what was read for the file.</summary>
    protected abstract PlannedWrite? Plan(int line, TRow row, ImportErrorList errors);

    protected abstract Task InsertAsync(IReadOnlyList<TNew> rows, DbTransaction transaction);

    /// <summary>Plans <paramref name="row"/> as new, inserted with the file's other new rows.</summary>
    protected PlannedWrite Insert(TNew row)
    {
        _new.Add(row);
        return PlannedWrite.InsertWithTheOthers;
    }
}
