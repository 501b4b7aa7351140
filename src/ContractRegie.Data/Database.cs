using System.Data.Common;
using ContractRegie.Data.Dialects;

namespace ContractRegie.Data;

/// <summary>
/// Opens connections for the configured engine. Repositories open one per call, or join the caller's
/// transaction when they are given one, so an import can write through several repositories atomically.
/// </summary>
public sealed class Database
{
    /// <summary>A relative database file is taken from the current folder; the host resolves it against its content root first.</summary>
    public Database(DatabaseOptions options)
    {
        TypeHandlers.EnsureRegistered();
        Engine = options.Engine;
        Dialect = ISqlDialect.For(Engine);
        ConnectionString = Dialect.PrepareConnectionString(options.ConnectionString, Directory.GetCurrentDirectory());
    }

    public DatabaseEngine Engine { get; }
    public ISqlDialect Dialect { get; }
    public string ConnectionString { get; }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => Dialect.OpenAsync(ConnectionString, cancellationToken);

    /// <summary>Holds the schema lock until disposed: migrating and seeding an empty database happen one instance at a time.</summary>
    public IDisposable LockSchema() => Dialect.LockSchema(ConnectionString);

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
    public Task InTransactionAsync(Func<DbTransaction, Task> work, CancellationToken cancellationToken = default) =>
        InTransactionAsync((connection, cancel) => connection.BeginTransactionAsync(cancel), work, cancellationToken);

    /// <summary>As above, for work with a result.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        T result = default!;
        await InTransactionAsync(async transaction => { result = await work(transaction); }, cancellationToken);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in the caller's transaction, or in one of its own.</summary>
    public Task<T> InTransactionAsync<T>(DbTransaction? outer, Func<DbTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
        outer is not null ? work(outer) : InTransactionAsync(work, cancellationToken);

    /// <summary>
    /// Runs reads that belong together (a pass over the year a chunk at a time) in one transaction that writes nothing. It
    /// takes no write lock, so a running import or job does not hold the reads up.
    /// </summary>
    public Task InReadTransactionAsync(Func<DbTransaction, Task> work, CancellationToken cancellationToken = default) =>
        InTransactionAsync(Dialect.BeginReadAsync, work, cancellationToken);

    private async Task InTransactionAsync(Func<DbConnection, CancellationToken, ValueTask<DbTransaction>> begin, Func<DbTransaction, Task> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await begin(connection, cancellationToken);
        await work(transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
