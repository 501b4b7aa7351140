using ContractRegie.Data.Audit;
using ContractRegie.Data.Notifications;
using ContractRegie.Data.Schema;
using ContractRegie.Data.Tests.Infrastructure;
using Dapper;

namespace ContractRegie.Data.Tests.Schema;

/// <summary>
/// Migration 2026120296 on a database that has mail in the old shape: the comma-separated lists become links. On a fresh
/// SQLite file, migrated to just before it, so no other migration is taken down; the copy is plain ADO.NET on every engine.
/// </summary>
public sealed class NotificationSignalLinksMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("contractregie-links-").FullName;

    [Fact]
    public async Task The_stored_signal_lists_are_copied_to_links_once_each()
    {
        var database = SqliteAtVersion.Create(Path.Combine(_directory, "links.db"), 2026120295);
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using (var connection = await database.OpenAsync())
        {
            foreach (var (key, list) in new[] { ("a", "5,7,7"), ("b", ""), ("c", "12") })
            {
                await connection.ExecuteAsync("""
                    INSERT INTO notification (recipient, subject, text_body, html_body, signal_ids, dedupe_key, created_at, attempts, next_attempt_at, queued_at)
                    VALUES ('cm@almelo.example', 'Onderwerp', 'tekst', 'html', @List, @Key, @Now, 0, @Now, @Now)
                    """, new { List = list, Key = key, Now = now });
            }
        }

        SchemaMigrator.MigrateUp(database);

        var outbox = new OutboxRepository(database, new AuditTrail(database, new FixedActor("test"), TimeProvider.System), TimeProvider.System);
        await using var read = await database.OpenAsync();
        async Task<IReadOnlyList<long>> LinksOf(string key) =>
            await outbox.ReadSignalIdsAsync(await read.ExecuteScalarAsync<long>("SELECT id FROM notification WHERE dedupe_key = @Key", new { Key = key }));
        Assert.Equal([5L, 7L], await LinksOf("a"));
        Assert.Empty(await LinksOf("b"));
        Assert.Equal([12L], await LinksOf("c"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
