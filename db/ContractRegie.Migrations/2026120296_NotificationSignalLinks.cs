using System.Data;
using System.Globalization;
using FluentMigrator;

namespace ContractRegie.Migrations;

/// <summary>
/// The signals an e-mail carries, one row per link instead of a comma-separated <c>notification.signal_ids</c> of at most
/// 1,000 characters, which a busy person's digest outgrew (the digest failed on PostgreSQL). The lists already stored are
/// copied over, then the column goes.
/// </summary>
[Migration(2026120296, "Notification signal links")]
public sealed class NotificationSignalLinks : Migration
{
    public override void Up()
    {
        Create.Table("notification_signal")
            .WithColumn("notification_id").AsInt64().NotNullable().PrimaryKey("pk_notification_signal")
                .ForeignKey("fk_notification_signal_notification", "notification", "id")
            .WithColumn("signal_id").AsInt64().NotNullable().PrimaryKey("pk_notification_signal");
        Create.Index("ix_notification_signal_signal").OnTable("notification_signal").OnColumn("signal_id");
        Execute.WithConnection(CopyLists);
        Delete.Column("signal_ids").FromTable("notification");
    }

    public override void Down()
    {
        Alter.Table("notification").AddColumn("signal_ids").AsAnsiString(1000).NotNullable().WithDefaultValue("");
        Delete.Table("notification_signal");
    }

    /// <summary>Splits the stored lists in C#: no portable SQL splits a string, and an outbox is small next to the register.</summary>
    private static void CopyLists(IDbConnection connection, IDbTransaction transaction)
    {
        var links = new List<(long Notification, long Signal)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT id, signal_ids FROM notification";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var notification = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                links.AddRange(reader.GetString(1).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(id => long.Parse(id, CultureInfo.InvariantCulture)).Distinct().Select(signal => (notification, signal)));
            }
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO notification_signal (notification_id, signal_id) VALUES (@NotificationId, @SignalId)";
        var notificationId = Parameter(insert, "@NotificationId");
        var signalId = Parameter(insert, "@SignalId");
        foreach (var (notification, signal) in links)
        {
            notificationId.Value = notification;
            signalId.Value = signal;
            insert.ExecuteNonQuery();
        }
    }

    private static IDbDataParameter Parameter(IDbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.Int64;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
