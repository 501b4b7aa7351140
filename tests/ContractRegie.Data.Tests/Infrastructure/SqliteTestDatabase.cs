using Microsoft.Data.Sqlite;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>SQLite in a temporary file (not :memory:, so every connection sees the same database), deleted afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private string? _path;

    public override DatabaseEngine Engine => DatabaseEngine.Sqlite;
    protected override string? RequiredVariable => null;

    protected override Task<string> CreateAsync(string? serverConnectionString)
    {
        _path = Path.Combine(Path.GetTempPath(), UniqueDatabaseName() + ".db");
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = _path }.ToString());
    }

    protected override Task DropAsync()
    {
        if (_path is null)
        {
            return Task.CompletedTask;
        }
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-journal", _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
        return Task.CompletedTask;
    }
}
