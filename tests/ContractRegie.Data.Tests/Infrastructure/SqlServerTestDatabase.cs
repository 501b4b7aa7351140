using Microsoft.Data.SqlClient;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>
/// A uniquely named database on the server of <see cref="TestEngines.SqlServerVariable"/>, created through master
/// and dropped afterwards.
/// </summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    private string? _adminConnectionString;
    private string? _name;

    public override DatabaseEngine Engine => DatabaseEngine.SqlServer;
    protected override string? RequiredVariable => TestEngines.SqlServerVariable;

    protected override async Task<string> CreateAsync(string? serverConnectionString)
    {
        var server = new SqlConnectionStringBuilder(serverConnectionString);
        _adminConnectionString = new SqlConnectionStringBuilder(server.ConnectionString) { InitialCatalog = "master", Pooling = false }.ConnectionString;
        _name = UniqueDatabaseName();
        // The name is made of a GUID here, never of input; identifiers cannot be parameters.
        await ExecuteAsync("CREATE DATABASE [" + _name + "]");
        return new SqlConnectionStringBuilder(server.ConnectionString) { InitialCatalog = _name }.ConnectionString;
    }

    protected override async Task DropAsync()
    {
        if (_name is null)
        {
            return;
        }
        SqlConnection.ClearAllPools();
        await ExecuteAsync("IF DB_ID(N'" + _name + "') IS NOT NULL BEGIN ALTER DATABASE [" + _name
            + "] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [" + _name + "]; END");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
