using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ContractRegie.Web.Tests.Jobs;

/// <summary>Quartz with its AdoJobStore in the application's SQLite file: the schedule is persisted and fires.</summary>
public sealed class SchedulerTests : IDisposable
{
    private readonly ContractRegieApp _app = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:Schedules:notification-dispatch"] = "0/1 * * * * ?",
        },
    };

    [Fact]
    public async Task The_scheduler_persists_the_jobs_with_their_cron_schedules_and_fires_them()
    {
        _ = _app.Services; // starts the host and with it the scheduler

        var runs = 0L;
        for (var wait = 0; wait < 100 && runs == 0; wait++)
        {
            await Task.Delay(200);
            runs = await ScalarAsync("SELECT COUNT(*) FROM job_run WHERE job = 'notification-dispatch' AND outcome = 'Succeeded'");
        }

        Assert.True(runs > 0, "the scheduler did not fire notification-dispatch within 20 seconds");
        Assert.Equal(6, await ScalarAsync("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS"));
        Assert.Equal(6, await ScalarAsync("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE TIME_ZONE_ID = 'Europe/Amsterdam'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE CRON_EXPRESSION = '0 0 6 * * ?'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE CRON_EXPRESSION = '0 0 2 * * ?'"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _app.Dispose();
}
