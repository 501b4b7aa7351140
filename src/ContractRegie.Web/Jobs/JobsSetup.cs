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
        // Quartz is wired while the services are registered, so the schedules are read here as well; the jobs get the
        // checked settings.
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services
            .AddCheckedSettings<JobsOptions>(JobsOptions.Section, options => options.Problems())
            .AddCheckedSettings<MailOptions>(MailOptions.Section, options => options.Problems())
            .AddSingleton(services => services.GetRequiredService<MailOptions>().ToAddressing())
            .AddSingleton<IMailTransport>(services => services.GetRequiredService<MailOptions>() is var mail && string.IsNullOrWhiteSpace(mail.Host)
                ? new PickupDirectoryTransport(Path.Combine(contentRoot, mail.PickupDirectory))
                : new SmtpMailTransport(mail))
            .AddSingleton<JobProgress>()
            .AddSingleton<JobRunner>();
        foreach (var job in JobCatalog.All)
        {
            builder.Services.AddSingleton(typeof(IContractRegieJob), job.Type);
        }

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
