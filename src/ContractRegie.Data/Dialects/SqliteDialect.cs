using System.Data.Common;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Spending;
using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Quartz;

namespace ContractRegie.Data.Dialects;

public sealed class SqliteDialect : ISqlDialect
{
    private const int ConstraintError = 19;
    private const int BusyError = 5;
    private const int LockedError = 6;

    public DatabaseEngine Engine => DatabaseEngine.Sqlite;
    public string Paging => "LIMIT @Limit OFFSET @Offset";
    public string AnyRows(string select) => select + " LIMIT @Limit";
    public string OrderNullsLast(string column, bool descending) => descending ? column + " DESC NULLS FIRST" : column + " NULLS LAST";
    public string SelectInsertedId => "SELECT last_insert_rowid()";
    // SQLite binds each named parameter with a linear search of the statement's names, so a long IN list costs quadratic
    // time too: 20,000 contract numbers took 1.8 s in lists of 1,000 and 0.6 s in lists of 100.
    public int KeysPerList => 100;

    // For the same reason a wide multi-row INSERT costs quadratic time, and in-process there are no round trips to save:
    // one prepared single-row INSERT, reused, is fastest (measured with tools/ContractRegie.Benchmarks: 1 row beat 4, and
    // 4 beat 64 by far).
    public int BulkInsertRows => 1;

    public Task InsertRowsAsync(DbTransaction transaction, Func<int, string> sql, IEnumerable<object> rows) =>
        SqlRows.InsertBatchesAsync(transaction, sql, BulkInsertRows, rows);

    public Task<ISpendingLineWriter> BeginSpendingLinesAsync(DbTransaction transaction, long importId, CancellationToken cancellationToken) =>
        Task.FromResult<ISpendingLineWriter>(new SpendingLineInserts(transaction, importId, BulkInsertRows));

    /// <summary>Foreign keys on, pooled, and a relative file under the base directory (whose folder is created), wherever the process started.</summary>
    public string PrepareConnectionString(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, baseDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // SQLite's own LOWER folds ASCII only; text search lowers both sides, so fold like the servers do.
        connection.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        return connection;
    }

    /// <summary>
    /// Deferred: SQLite's own transactions start with the database's write lock (BEGIN IMMEDIATE), which a read would then
    /// wait for while an import holds it.
    /// </summary>
    public ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public bool IsConstraintViolation(DbException exception) => exception is SqliteException { SqliteErrorCode: ConstraintError };

    public bool IsBusy(DbException exception) => exception is SqliteException { SqliteErrorCode: BusyError or LockedError };

    /// <summary>An exclusive lock on a file beside the database (an in-memory database has one user and needs none).</summary>
    public IDisposable LockSchema(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource))
        {
            return new HeldLock(() => { });
        }
        while (true)
        {
            try
            {
                // Never deleted: removing it while another process waits to open it would hand out two locks.
                var file = new FileStream(builder.DataSource + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new HeldLock(file.Dispose);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }

    public void AddMigrationRunner(IMigrationRunnerBuilder runner) => runner.AddSQLite();

    // One embedded file serves one instance: no clustering.
    public void UseJobStore(IPersistentStoreBuilder store, string connectionString) => store.UseSqlite(connectionString);
}
