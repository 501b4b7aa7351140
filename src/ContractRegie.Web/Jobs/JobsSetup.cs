using ContractRegie.Data;
using ContractRegie.Data.Dialects;
using ContractRegie.Data.Signals;
using ContractRegie.Web.Hosting;
using Quartz;
using ContractRegie.Web.Mail;

namespace ContractRegie.Web.Jobs;

public static class JobsSetup
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>
    /// The jobs, the mail they send, and Quartz with a persistent AdoJobStore in the application's own database
    /// (tables by migration 2026112204). On server engines the store is clustered, so several instances behind a
    /// load balancer fire each job once. Every firing and every API-started run goes through <see cref="JobRunner"/>.
    /// </summary>
    public static WebApplicationBuilder AddContractRegieJobs(this WebApplicationBuilder builder)
    {
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var mail = builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        var pickup = Path.IsPathRooted(mail.PickupDirectory) ? mail.PickupDirectory : Path.Combine(builder.Environment.ContentRootPath, mail.PickupDirectory);
        builder.Services
            .AddSingleton(jobs)
            .AddSingleton(mail)
            .AddSingleton(mail.ToAddressing())
            .AddSingleton<IMailTransport>(string.IsNullOrWhiteSpace(mail.Host) ? new PickupDirectoryTransport(pickup) : new SmtpMailTransport(mail))
            .AddSingleton<IContractRegieJob, ContractExpiryJob>()
            .AddSingleton<IContractRegieJob, OutcomeMonitoringJob>()
            .AddSingleton<IContractRegieJob, FinancialStabilityJob>()
            .AddSingleton<IContractRegieJob, SpendingReconciliationJob>()
            .AddSingleton<IContractRegieJob, NotificationDispatchJob>()
            .AddSingleton<IContractRegieJob, DigestJob>()
            .AddSingleton<JobRunner>();

        var database = DatabaseSetup.ReadOptions(builder);
        builder.Services.AddQuartz(quartz =>
        {
            if (jobs.Enabled)
            {
                // Ready only while this instance's scheduler runs and reaches its store.
                quartz.AddQuartzHealthChecks(check => check.Tags.Add("ready"));
            }
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                ISqlDialect.For(database.Engine).UseJobStore(store, database.ConnectionString);
            });
            foreach (var (name, cron) in jobs.Schedules)
            {
                quartz.AddJob<ScheduledJob>(job => job.WithIdentity(name).StoreDurably().UsingJobData(ScheduledJob.NameKey, name));
                quartz.AddTrigger(trigger => trigger.ForJob(name).WithIdentity(name + "-schedule")
                    .WithCronSchedule(cron, schedule => schedule.InTimeZone(Amsterdam)));
            }
        });
        if (jobs.Enabled)
        {
            builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }
        return builder;
    }
}

/// <summary>What Quartz fires: the named job through the <see cref="JobRunner"/>, one run of a job at a time.</summary>
[DisallowConcurrentExecution]
public sealed class ScheduledJob(JobRunner runner) : IJob
{
    public const string NameKey = "job";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(context.MergedJobDataMap.GetString(NameKey)!, cancellationToken);
}
