namespace ContractRegie.Data.Dialects;

/// <summary>
/// The few places where the engines really differ. Everything else is portable SQL written once;
/// repositories never branch on the engine.
/// </summary>
public interface ISqlDialect
{
    DatabaseEngine Engine { get; }

    /// <summary>Follows an ORDER BY; binds <c>@Offset</c> and <c>@Limit</c>.</summary>
    string Paging { get; }

    /// <summary>A statement that returns the identity created by the INSERT before it in the same batch.</summary>
    string SelectInsertedId { get; }

    /// <summary>Rows per multi-row INSERT in a bulk load (at most <see cref="Spending.SpendingLineWriter.BatchRows"/>).</summary>
    int BulkInsertRows { get; }

    public static ISqlDialect For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Sqlite => new SqliteDialect(),
        DatabaseEngine.Postgres => new PostgresDialect(),
        DatabaseEngine.SqlServer => new SqlServerDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };
}
