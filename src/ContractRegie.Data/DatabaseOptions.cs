namespace ContractRegie.Data;

public enum DatabaseEngine { Sqlite, Postgres, SqlServer }

/// <summary>The "Database" settings: which engine and where. One connection string and one provider choose the engine.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqliteConnectionString = "Data Source=data/contractregie.db";

    /// <summary>Sqlite (embedded default), Postgres or SqlServer.</summary>
    public string Provider { get; set; } = nameof(DatabaseEngine.Sqlite);
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
    /// <summary>Apply migrations when the service starts: on for the embedded default, off in production (run the CLI's migrate).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public DatabaseEngine Engine => Enum.TryParse<DatabaseEngine>(Provider, ignoreCase: true, out var engine)
        ? engine
        : throw new InvalidOperationException(
            $"Database:Provider '{Provider}' is unknown; use one of: {string.Join(", ", Enum.GetNames<DatabaseEngine>())}.");
}
