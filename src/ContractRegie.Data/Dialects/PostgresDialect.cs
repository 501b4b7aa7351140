using System.Data.Common;
using ContractRegie.Data.Spending;
using Dapper;
using FluentMigrator.Runner;
using Npgsql;
using Quartz;

namespace ContractRegie.Data.Dialects;

public sealed class PostgresDialect : ISqlDialect
{
    public DatabaseEngine Engine => DatabaseEngine.Postgres;
    public string Paging => "LIMIT @Limit OFFSET @Offset";
    public string AnyRows(string select) => select + " LIMIT @Limit";
    // PostgreSQL sorts a missing value after every other, so the plain column is what an index on it yields.
    public string OrderNullsLast(string column, bool descending) => descending ? column + " DESC" : column;
    // lastval() is per session, so a concurrent insert elsewhere cannot leak in.
    public string SelectInsertedId => "SELECT lastval()";
    public int KeysPerList => 1_000;

    // Every statement is a round trip to the server: many rows per INSERT.
    public int BulkInsertRows => 64;

    // A COPY streams every row in one round trip, where even 64 rows per INSERT cost one per batch.
    public Task InsertRowsAsync(DbTransaction transaction, Func<int, string> sql, IEnumerable<object> rows) =>
        PostgresCopy.WriteAsync((NpgsqlConnection)transaction.Connection!, sql(1), rows);

    // Binary COPY streams the rows with no statement per batch and takes part in the import's transaction.
    public Task<ISpendingLineWriter> BeginSpendingLinesAsync(DbTransaction transaction, long importId, CancellationToken cancellationToken) =>
        SpendingLineCopy.BeginAsync((NpgsqlConnection)transaction.Connection!, importId, cancellationToken);

    /// <summary>
    /// At most 5 s to connect (Npgsql's default is 15): with the server down or hanging, a request soon answers 503. And a
    /// pooled connection is handed out again without <c>DISCARD ALL</c>, unless the setting says otherwise: nothing here leaves
    /// state on a session (no SET, temporary table, prepared statement or session lock; the schema lock has a connection of
    /// its own), and the reset cost each of a request's three or so connections a statement on the server.
    /// </summary>
    public string PrepareConnectionString(string connectionString, string baseDirectory)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Timeout = Math.Min(builder.Timeout, MaxConnectSeconds);
        // Npgsql's builder knows every keyword, so whether the setting was given is read from the text as written.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals(nameof(builder.NoResetOnClose), StringComparison.OrdinalIgnoreCase));
        if (!given)
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    private const int MaxConnectSeconds = 5;

    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // Class 23: integrity constraint violations.
    public bool IsConstraintViolation(DbException exception) => exception is PostgresException postgres && postgres.SqlState.StartsWith("23", StringComparison.Ordinal);

    public bool IsBusy(DbException exception) => false;

    /// <summary>An arbitrary constant that names ContractRegie's schema lock among the server's advisory locks.</summary>
    private const long SchemaLockKey = 0x436F6E7472616374;

    public IDisposable LockSchema(string connectionString)
    {
        // Not pooled: the lock belongs to this session, which must end with it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        connection.Execute("SELECT pg_advisory_lock(@Key)", new { Key = SchemaLockKey }, commandTimeout: 0);
        return new HeldLock(() =>
        {
            connection.Execute("SELECT pg_advisory_unlock(@Key)", new { Key = SchemaLockKey });
            connection.Dispose();
        });
    }

    public void AddMigrationRunner(IMigrationRunnerBuilder runner) => runner.AddPostgres();

    public void UseJobStore(IPersistentStoreBuilder store, string connectionString)
    {
        store.UsePostgres(connectionString);
        store.UseClustering();
    }
}
