using System.Data;
using System.Data.Common;
using ContractRegie.Data.Sql.Spending;

namespace ContractRegie.Data.Spending;

/// <summary>
/// Writes spending lines in the import's transaction, a batch at a time through one prepared multi-row
/// INSERT whose parameters are created once and refilled per batch: a million lines cost a few thousand round trips
/// and no SQL parsing after the first. The rows of one batch are all that is held in memory.
/// </summary>
public sealed class SpendingLineInserts : ISpendingLineWriter
{
    /// <summary>The most rows a batch may have: 21 parameters a row plus one stays under SQL Server's 2,100 per command.</summary>
    public const int BatchRows = 64;

    private readonly DbTransaction _transaction;
    private readonly long _importId;
    private readonly int _batchRows;
    private readonly List<SpendingLineRow> _pending;
    private DbCommand? _batch;

    /// <param name="batchRows">Rows per INSERT: the engine's <see cref="Dialects.ISqlDialect.BulkInsertRows"/>; the benchmark's raw
    /// baseline uses 1, a plain prepared single-row insert.</param>
    public SpendingLineInserts(DbTransaction transaction, long importId, int batchRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchRows, BatchRows);
        _transaction = transaction;
        _importId = importId;
        _batchRows = batchRows;
        _pending = new List<SpendingLineRow>(batchRows);
    }

    public int Written { get; private set; }

    public async Task AddAsync(SpendingLineRow row, CancellationToken cancellationToken)
    {
        _pending.Add(row);
        if (_pending.Count == _batchRows)
        {
            _batch ??= await PreparedAsync(_batchRows, cancellationToken);
            await ExecuteAsync(_batch, cancellationToken);
        }
    }

    /// <summary>Writes what is left over, in a command of its own size.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        await using var rest = Create(_pending.Count);
        await ExecuteAsync(rest, cancellationToken);
    }

    public ValueTask DisposeAsync() => _batch?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<DbCommand> PreparedAsync(int rows, CancellationToken cancellationToken)
    {
        var command = Create(rows);
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private DbCommand Create(int rows)
    {
        var command = _transaction.Connection!.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = SpendingSql.InsertLines(rows);
        Add(command, "ImportId", DbType.Int64).Value = _importId;
        for (var row = 0; row < rows; row++)
        {
            foreach (var (column, type, size) in SpendingSql.LineColumns)
            {
                var parameter = Add(command, SpendingSql.ParameterName(column, row), type);
                if (size > 0)
                {
                    parameter.Size = size;
                }
                if (type == DbType.Decimal)
                {
                    parameter.Precision = 12;
                    parameter.Scale = 2;
                }
            }
        }
        return command;
    }

    private async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var parameters = command.Parameters;
        var width = SpendingSql.LineColumns.Count;
        for (var row = 0; row < _pending.Count; row++)
        {
            var values = _pending[row].Values();
            var first = 1 + row * width; // parameter 0 is @ImportId
            for (var i = 0; i < width; i++)
            {
                parameters[first + i].Value = values[i] ?? DBNull.Value;
            }
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
        Written += _pending.Count;
        _pending.Clear();
    }

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
