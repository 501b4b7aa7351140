using System.Data.Common;
using FluentMigrator.Runner;
using Quartz;

namespace ContractRegie.Data.Dialects;

/// <summary>
/// Everything in which the engines really differ: SQL details, connections, the migration runner, how a constraint
/// violation is reported and the scheduler's job store. Everything else is portable SQL written once; repositories
/// and the host never branch on the engine.
/// </summary>
public interface ISqlDialect
{
    DatabaseEngine Engine { get; }

    /// <summary>Follows an ORDER BY; binds <c>@Offset</c> and <c>@Limit</c>.</summary>
    string Paging { get; }

    /// <summary>At most <c>@Limit</c> rows of <paramref name="select"/>, in whatever order the engine finds them first.</summary>
    string AnyRows(string select);

    /// <summary>
    /// An ORDER BY term that puts rows without a value last (first when descending), written so the engine can read
    /// them in order from an index on the column instead of sorting the table.
    /// </summary>
    string OrderNullsLast(string column, bool descending);

    /// <summary>A statement that returns the identity created by the INSERT before it in the same batch.</summary>
    string SelectInsertedId { get; }

    /// <summary>
    /// Keys or ids per IN list (<see cref="Sql.SqlRows.QueryInListsAsync{T, TKey}(ISqlDialect, DbTransaction, Func{int, string}, string, IEnumerable{TKey})"/>):
    /// a large import's keys in a few round trips, each of which costs more than a longer list, within what the engine binds cheaply.
    /// </summary>
    int KeysPerList { get; }

    /// <summary>Rows per multi-row INSERT in a bulk load (at most <see cref="Spending.SpendingLineInserts.BatchRows"/>).</summary>
    int BulkInsertRows { get; }

    /// <summary>
    /// Inserts <paramref name="rows"/> (objects whose properties are named like the statement's parameters) in the caller's
    /// transaction the fastest way the engine loads a table: <paramref name="sql"/> builds the multi-row INSERT of n rows
    /// (<see cref="Sql.SqlRows.InsertRows(string, int)"/>), sent <see cref="BulkInsertRows"/> rows at a time, or on PostgreSQL
    /// turned into one binary COPY.
    /// </summary>
    Task InsertRowsAsync(DbTransaction transaction, Func<int, string> sql, IEnumerable<object> rows);

    /// <summary>Starts writing an import's spending lines in <paramref name="transaction"/>, the fastest way this engine bulk-loads.</summary>
    Task<Spending.ISpendingLineWriter> BeginSpendingLinesAsync(DbTransaction transaction, long importId, CancellationToken cancellationToken);

    /// <summary>The configured connection string with what this engine needs added; relative files lie under <paramref name="baseDirectory"/>.</summary>
    string PrepareConnectionString(string connectionString, string baseDirectory);

    /// <summary>An open connection, set up the same way on every use.</summary>
    Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>A transaction for reads that belong together and write nothing (<see cref="Database.InReadTransactionAsync"/>).</summary>
    ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(cancellationToken);

    /// <summary>Whether the engine reports a unique or foreign-key violation, so a race the pre-checks missed is a conflict, not a crash.</summary>
    bool IsConstraintViolation(DbException exception);

    /// <summary>
    /// Whether the statement gave up waiting for a lock on the whole database (SQLite, whose one writer at a time is a
    /// long job's transaction); the server engines lock rows and never say so.
    /// </summary>
    bool IsBusy(DbException exception);

    /// <summary>
    /// Waits for and holds the database-wide schema lock until disposed, so of several instances starting together one
    /// migrates and seeds while the others wait, then find the work done.
    /// </summary>
    IDisposable LockSchema(string connectionString);

    /// <summary>Adds this engine's FluentMigrator runner.</summary>
    void AddMigrationRunner(IMigrationRunnerBuilder runner);

    /// <summary>Quartz's AdoJobStore on this engine (tables by migration 2026112204); clustered where several instances can share it.</summary>
    void UseJobStore(IPersistentStoreBuilder store, string connectionString);

    public static ISqlDialect For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Sqlite => new SqliteDialect(),
        DatabaseEngine.Postgres => new PostgresDialect(),
        DatabaseEngine.SqlServer => new SqlServerDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };
}
