using ContractRegie.Data.Schema;

namespace ContractRegie.Data.Tests.Schema;

/// <summary>A new SQLite file migrated up to one version, for a migration's test to put old-shaped data in before it runs.</summary>
internal static class SqliteAtVersion
{
    public static Database Create(string file, long version)
    {
        var database = new Database(new DatabaseOptions
        {
            Provider = nameof(DatabaseEngine.Sqlite), ConnectionString = "Data Source=" + file, MigrateOnStartup = false,
        });
        SchemaMigrator.MigrateUp(database, version);
        return database;
    }
}
