namespace ContractRegie.Data.Dialects;

public sealed class PostgresDialect : ISqlDialect
{
    public DatabaseEngine Engine => DatabaseEngine.Postgres;
    public string Paging => "LIMIT @Limit OFFSET @Offset";
    // lastval() is per session, so a concurrent insert elsewhere cannot leak in.
    public string SelectInsertedId => "SELECT lastval()";
    // Every statement is a round trip to the server: many rows per INSERT.
    public int BulkInsertRows => 64;
}
