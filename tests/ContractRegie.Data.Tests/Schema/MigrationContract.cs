using System.Reflection;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Schema;
using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Migrations;
using Dapper;
using FluentMigrator;

namespace ContractRegie.Data.Tests.Schema;

/// <summary>The FluentMigrator migrations on every engine: applied once, and a second run changes nothing.</summary>
public abstract class MigrationContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private static readonly long[] AllVersions = typeof(ContractRegister).Assembly.GetTypes()
        .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Version)
        .OfType<long>()
        .Order()
        .ToArray();

    [EngineFact]
    public async Task The_quartz_job_store_tables_are_there_and_empty()
    {
        await using var connection = await Database.OpenAsync();
        foreach (var table in new[] { "JOB_DETAILS", "TRIGGERS", "CRON_TRIGGERS", "FIRED_TRIGGERS", "SCHEDULER_STATE", "LOCKS", "EXECUTION_HISTORY" })
        {
            // Table names come from this list, never from input.
            Assert.Equal(0, await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT COUNT(*) FROM QRTZ_" + table));
        }
    }

    [EngineFact]
    public void A_migrated_database_has_no_pending_migrations()
    {
        Assert.Contains(2026112201L, AllVersions);
        Assert.False(SchemaMigrator.HasPendingMigrations(Database));
    }

    [EngineFact]
    public async Task The_schema_lock_lets_a_second_instance_in_only_after_the_first_lets_go()
    {
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var second = new Database(TestDatabase.Options);
        Task waiting;
        using (Database.LockSchema())
        {
            order.Enqueue("first holds");
            waiting = Task.Run(() =>
            {
                using (second.LockSchema())
                {
                    order.Enqueue("second holds");
                }
            });
            // Long enough for the second instance to reach the lock and be made to wait.
            await Task.Delay(500);
            order.Enqueue("first lets go");
        }
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["first holds", "first lets go", "second holds"], order);
    }

    [EngineFact]
    public async Task Migrating_up_again_is_a_no_op_that_keeps_the_data()
    {
        var providers = new ProviderRepository(Database, Audit);
        var provider = TestData.Provider("Blijft Bestaan");
        var id = await providers.InsertAsync(provider);

        SchemaMigrator.MigrateUp(new Database(TestDatabase.Options));
        SchemaMigrator.MigrateUp(Database);

        Assert.False(SchemaMigrator.HasPendingMigrations(Database));
        Assert.Equal(provider with { Id = id, RowVersion = 1, UpdatedAt = WrittenAt }, await providers.ReadByIdAsync(id));
        await using var connection = await Database.OpenAsync();
        var applied = (await connection.QueryAsync<long>("SELECT \"Version\" FROM \"VersionInfo\" ORDER BY \"Version\"")).ToArray();
        Assert.Equal(AllVersions, applied);
    }
}
