using System.Reflection;
using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// The tables of Quartz.NET's persistent AdoJobStore, exactly as the Quartz version we run documents them per
/// engine: the DDL ships inside the Quartz assembly (what its own schema provisioning would run), so the schema can
/// never drift from the store that uses it. Created here, by migration, like every other table.
/// </summary>
[Migration(2026112204, "Quartz job store")]
public sealed class QuartzJobStore : Migration
{
    public const string TablePrefix = "QRTZ_";

    private static readonly string[] Tables =
    [
        "JOB_STATUS", "MISFIRE_HISTORY", "EXECUTION_HISTORY", "LOCKS", "SCHEDULER_STATE", "FIRED_TRIGGERS", "PAUSED_JOB_GRPS",
        "PAUSED_TRIGGER_GRPS", "CALENDARS", "BLOB_TRIGGERS", "SIMPROP_TRIGGERS", "CRON_TRIGGERS", "SIMPLE_TRIGGERS", "TRIGGERS", "JOB_DETAILS",
    ];

    public override void Up()
    {
        // Processor ids carry versions ("Postgres15_0", "SqlServer2016"), so match on the engine's prefix.
        foreach (var (engine, processor) in new[] { ("sqlite", "SQLite"), ("postgres", "Postgres"), ("sqlServer", "SqlServer") })
        {
            foreach (var statement in Statements(engine))
            {
                IfDatabase(id => id.StartsWith(processor, StringComparison.OrdinalIgnoreCase)).Execute.Sql(statement);
            }
        }
    }

    public override void Down()
    {
        foreach (var table in Tables)
        {
            Execute.Sql("DROP TABLE " + TablePrefix + table);
        }
    }

    /// <summary>Quartz's script for one engine, prefixed and split into its statements (a line reading exactly "--;;" ends one).</summary>
    public static IReadOnlyList<string> Statements(string engine)
    {
        var quartz = Assembly.Load("Quartz");
        using var stream = quartz.GetManifestResourceStream($"Quartz.Impl.AdoJobStore.Schema.create_{engine}.sql")
            ?? throw new InvalidOperationException($"Quartz ships no schema for '{engine}'.");
        using var reader = new StreamReader(stream);
        var statements = new List<string>();
        var current = new List<string>();
        foreach (var line in reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal)
                     .Replace("{1}", TablePrefix, StringComparison.Ordinal).Split('\n'))
        {
            if (line.Trim() == "--;;")
            {
                statements.Add(string.Join('\n', current).Trim());
                current.Clear();
            }
            // Comment lines go: FluentMigrator's batch parser rejects a statement that ends in one.
            else if (!line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                current.Add(line);
            }
        }
        statements.Add(string.Join('\n', current).Trim());
        return statements.Where(statement => statement.Length > 0).ToList();
    }
}
