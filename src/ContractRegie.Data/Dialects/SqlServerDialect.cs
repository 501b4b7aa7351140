using System.Data.Common;
using ContractRegie.Data.Sql;
using ContractRegie.Data.Spending;
using Dapper;
using FluentMigrator.Runner;
using Microsoft.Data.SqlClient;
using Quartz;

namespace ContractRegie.Data.Dialects;

public sealed class SqlServerDialect : ISqlDialect
{
    // Duplicate key in a unique index, in a primary key or unique constraint; a foreign-key (or check) conflict.
    private static readonly int[] ConstraintErrors = [2601, 2627, 547];

    public DatabaseEngine Engine => DatabaseEngine.SqlServer;
    public string Paging => "OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY";
    // OFFSET … FETCH needs an ORDER BY; ordering by a constant asks for none.
    public string AnyRows(string select) => select + " ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY";
    // No NULLS LAST in T-SQL.
    public string OrderNullsLast(string column, bool descending) =>
        descending ? $"CASE WHEN {column} IS NULL THEN 1 ELSE 0 END DESC, {column} DESC" : $"CASE WHEN {column} IS NULL THEN 1 ELSE 0 END, {column}";
    // SCOPE_IDENTITY() ignores identities created by triggers; it is numeric, so cast for Dapper.
    public string SelectInsertedId => "SELECT CAST(SCOPE_IDENTITY() AS bigint)";
    // Well under the 2,100 parameters a command may have.
    public int KeysPerList => 1_000;

    // Every statement is a round trip; 64 rows of 20 parameters stay under the 2,100 parameters a command may have.
    public int BulkInsertRows => 64;

    public Task InsertRowsAsync(DbTransaction transaction, Func<int, string> sql, IEnumerable<object> rows) =>
        SqlRows.InsertBatchesAsync(transaction, sql, BulkInsertRows, rows);

    // Not SqlBulkCopy: no SQL Server runs on these machines to test it against, so the tested multi-row INSERTs stay.
    public Task<ISpendingLineWriter> BeginSpendingLinesAsync(DbTransaction transaction, long importId, CancellationToken cancellationToken) =>
        Task.FromResult<ISpendingLineWriter>(new SpendingLineInserts(transaction, importId, BulkInsertRows));

    public string PrepareConnectionString(string connectionString, string baseDirectory) => connectionString;

    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public bool IsConstraintViolation(DbException exception) => exception is SqlException sqlServer && ConstraintErrors.Contains(sqlServer.Number);

    public bool IsBusy(DbException exception) => false;

    /// <summary>Waits (without limit) for the exclusive application lock that stands for the schema, held by the session.</summary>
    public string LockSchemaStatement =>
        "DECLARE @Result int; EXEC @Result = sp_getapplock @Resource = 'contractregie-schema', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1; SELECT @Result";

    public string UnlockSchemaStatement => "EXEC sp_releaseapplock @Resource = 'contractregie-schema', @LockOwner = 'Session'";

    public IDisposable LockSchema(string connectionString)
    {
        var connection = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        if (connection.ExecuteScalar<int>(LockSchemaStatement, commandTimeout: 0) < 0)
        {
            connection.Dispose();
            throw new InvalidOperationException("The schema lock (sp_getapplock) could not be taken.");
        }
        return new HeldLock(() =>
        {
            connection.Execute(UnlockSchemaStatement);
            connection.Dispose();
        });
    }

    public void AddMigrationRunner(IMigrationRunnerBuilder runner) => runner.AddSqlServer();

    public void UseJobStore(IPersistentStoreBuilder store, string connectionString)
    {
        store.UseSqlServer(connectionString);
        store.UseClustering();
    }
}
