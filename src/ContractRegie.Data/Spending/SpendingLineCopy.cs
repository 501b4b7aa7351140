using System.Data;
using ContractRegie.Data.Dialects;
using ContractRegie.Data.Sql.Spending;
using Npgsql;
using NpgsqlTypes;

namespace ContractRegie.Data.Spending;

/// <summary>
/// Writes spending lines with PostgreSQL's binary COPY on the import's connection. COPY runs inside the connection's open
/// transaction, so the lines commit or roll back with the rest of the import; disposed before
/// <see cref="CompleteAsync"/> (an error, a cancellation) the COPY is aborted and the transaction can only roll back.
/// Rows go into Npgsql's write buffer, which is sent whenever it fills: memory stays one buffer, whatever the file.
/// </summary>
public sealed class SpendingLineCopy : ISpendingLineWriter
{
    // Binary COPY carries no type per value: each must be sent in its column's own wire format.
    private static readonly NpgsqlDbType[] ColumnTypes = [.. SpendingSql.LineColumns.Select(column => CopyType(column.Type))];

    private readonly NpgsqlBinaryImporter _copy;
    private readonly long _importId;

    private SpendingLineCopy(NpgsqlBinaryImporter copy, long importId)
    {
        _copy = copy;
        _importId = importId;
    }

    public static async Task<ISpendingLineWriter> BeginAsync(NpgsqlConnection connection, long importId, CancellationToken cancellationToken)
    {
        var copy = await connection.BeginBinaryImportAsync(SpendingSql.CopyLines, cancellationToken);
        copy.Timeout = PostgresCopy.CompletionTimeout;
        return new SpendingLineCopy(copy, importId);
    }

    public int Written { get; private set; }

    public async Task AddAsync(SpendingLineRow row, CancellationToken cancellationToken)
    {
        await _copy.StartRowAsync(cancellationToken);
        await _copy.WriteAsync(_importId, NpgsqlDbType.Bigint, cancellationToken);
        var values = row.Values();
        for (var i = 0; i < values.Length; i++)
        {
            // A null is written as NULL whatever the type.
            await _copy.WriteAsync(values[i], ColumnTypes[i], cancellationToken);
        }
        Written++;
    }

    /// <summary>Ends the COPY and hands the connection back: Npgsql keeps it busy until the importer is closed, not just completed.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _copy.CompleteAsync(cancellationToken);
        await _copy.CloseAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _copy.DisposeAsync();

    /// <summary>The column types of the migrations: varchar, integer, bigint, date and numeric(12,2).</summary>
    private static NpgsqlDbType CopyType(DbType type) => type switch
    {
        DbType.AnsiString or DbType.String => NpgsqlDbType.Varchar,
        DbType.Int32 => NpgsqlDbType.Integer,
        DbType.Int64 => NpgsqlDbType.Bigint,
        DbType.Date => NpgsqlDbType.Date,
        DbType.Decimal => NpgsqlDbType.Numeric,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No COPY type for this column type."),
    };
}
