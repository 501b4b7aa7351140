using ContractRegie.Data.Schema;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test class (an xunit class fixture): created before the class's first test,
/// removed after its last. An engine whose server is not configured creates nothing; its tests are skipped by
/// <see cref="EngineFactDiscoverer"/>, so <see cref="Database"/> is never reached.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private Database? _database;

    public abstract DatabaseEngine Engine { get; }

    /// <summary>The variable that must hold a server connection string, or null for an embedded engine.</summary>
    protected abstract string? RequiredVariable { get; }

    public Database Database => _database ?? throw new InvalidOperationException(
        Engine + " test database is not available: " + (RequiredVariable ?? "it") + " is not set or the database was not created.");

    /// <summary>Options for another <see cref="Data.Database"/> on the same database (e.g. to migrate it again).</summary>
    public DatabaseOptions Options { get; private set; } = new();

    public async Task InitializeAsync()
    {
        string? server = null;
        if (RequiredVariable is { } variable && (server = TestEngines.Read(variable)) is null)
        {
            return;
        }
        var connectionString = await CreateAsync(server);
        try
        {
            Options = new DatabaseOptions { Provider = Engine.ToString(), ConnectionString = connectionString, MigrateOnStartup = false };
            var database = new Database(Options);
            SchemaMigrator.MigrateUp(database);
            _database = database;
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed.
            await DropAsync();
            throw;
        }
    }

    public Task DisposeAsync() => DropAsync();

    /// <summary>Creates an empty database and returns the connection string to it.</summary>
    protected abstract Task<string> CreateAsync(string? serverConnectionString);

    /// <summary>Removes what <see cref="CreateAsync"/> created; does nothing when it created nothing.</summary>
    protected abstract Task DropAsync();

    /// <summary>A database name no other test run uses: letters, digits and underscores only.</summary>
    protected static string UniqueDatabaseName() => "contractregie_t_" + Guid.NewGuid().ToString("N")[..16];
}
