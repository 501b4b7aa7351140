namespace ContractRegie.Data.Dialects;

public sealed class SqlServerDialect : ISqlDialect
{
    public DatabaseEngine Engine => DatabaseEngine.SqlServer;
    public string Paging => "OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY";
    // SCOPE_IDENTITY() ignores identities created by triggers; it is numeric, so cast for Dapper.
    public string SelectInsertedId => "SELECT CAST(SCOPE_IDENTITY() AS bigint)";
    // Every statement is a round trip; 64 rows of 20 parameters stay under the 2,100 parameters a command may have.
    public int BulkInsertRows => 64;
}
