namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>The environment variables that point the engine tests at a server. SQLite needs none: it always runs.</summary>
public static class TestEngines
{
    /// <summary>An Npgsql connection string; a uniquely named database is created on that server per test class.</summary>
    public const string PostgresVariable = "CONTRACTREGIE_TEST_POSTGRES";

    /// <summary>A Microsoft.Data.SqlClient connection string; a uniquely named database is created on that server per test class.</summary>
    public const string SqlServerVariable = "CONTRACTREGIE_TEST_SQLSERVER";

    public static string? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
