namespace ContractRegie.Data.Dialects;

public sealed class SqliteDialect : ISqlDialect
{
    public DatabaseEngine Engine => DatabaseEngine.Sqlite;
    public string Paging => "LIMIT @Limit OFFSET @Offset";
    public string SelectInsertedId => "SELECT last_insert_rowid()";
}
