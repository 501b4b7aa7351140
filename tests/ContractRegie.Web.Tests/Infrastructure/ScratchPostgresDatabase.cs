using Npgsql;

namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>An empty, uniquely named database on the test PostgreSQL server (scripts/test.sh starts it), dropped afterwards.</summary>
public sealed class ScratchPostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private ScratchPostgresDatabase(string server, string name)
    {
        _admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchPostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("CONTRACTREGIE_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "CONTRACTREGIE_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        // Made of a GUID, never of input: identifiers cannot be parameters.
        var database = new ScratchPostgresDatabase(server, "contractregie_t_" + Guid.NewGuid().ToString("N")[..16]);
        await database.ExecuteAsync("CREATE DATABASE " + database._name);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync("DROP DATABASE IF EXISTS " + _name + " WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
