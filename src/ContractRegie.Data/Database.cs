using System.Data.Common;
using ContractRegie.Data.Dialects;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContractRegie.Data;

/// <summary>
/// Opens connections for the configured engine. Repositories open one per call, or join the caller's
/// transaction when they are given one, so an import can write through several repositories atomically.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(DatabaseOptions options)
    {
        TypeHandlers.EnsureRegistered();
        Engine = options.Engine;
        Dialect = ISqlDialect.For(Engine);
        _connectionString = Engine == DatabaseEngine.Sqlite
            ? PrepareSqlite(options.ConnectionString)
            : options.ConnectionString;
    }

    public DatabaseEngine Engine { get; }
    public ISqlDialect Dialect { get; }
    public string ConnectionString => _connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Engine switch
        {
            DatabaseEngine.Sqlite => new SqliteConnection(_connectionString),
            DatabaseEngine.Postgres => new NpgsqlConnection(_connectionString),
            DatabaseEngine.SqlServer => new SqlConnection(_connectionString),
            _ => throw new InvalidOperationException($"Unsupported engine {Engine}."),
        };
        await connection.OpenAsync(cancellationToken);
        if (connection is SqliteConnection sqlite)
        {
            // SQLite's own LOWER folds ASCII only; text search lowers both sides, so fold like the servers do.
            sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        }
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> on the transaction's connection, or on a connection of its own.</summary>
    public async Task<T> RunAsync<T>(DbTransaction? transaction, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (transaction?.Connection is { } joined)
        {
            return await work(joined);
        }
        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when it throws.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in the caller's transaction, or in one of its own.</summary>
    public Task<T> InTransactionAsync<T>(DbTransaction? outer, Func<DbTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
        outer is not null ? work(outer) : InTransactionAsync(work, cancellationToken);

    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        return builder.ToString();
    }
}
