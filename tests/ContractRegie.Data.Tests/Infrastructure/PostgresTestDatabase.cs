using Npgsql;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>
/// A uniquely named database on the server of <see cref="TestEngines.PostgresVariable"/>, created through the
/// server's "postgres" maintenance database and dropped afterwards.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private string? _adminConnectionString;
    private string? _name;

    public override DatabaseEngine Engine => DatabaseEngine.Postgres;
    protected override string? RequiredVariable => TestEngines.PostgresVariable;

    protected override async Task<string> CreateAsync(string? serverConnectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        _adminConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        _name = UniqueDatabaseName();
        // The name is made of a GUID here, never of input; identifiers cannot be parameters.
        await ExecuteAsync("CREATE DATABASE " + _name);
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = _name }.ConnectionString;
    }

    protected override async Task DropAsync()
    {
        if (_name is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync("DROP DATABASE IF EXISTS " + _name + " WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
