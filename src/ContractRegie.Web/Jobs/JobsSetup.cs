using ContractRegie.Data.Signals;
using ContractRegie.Web.Mail;

namespace ContractRegie.Web.Jobs;

public static class JobsSetup
{
    /// <summary>The jobs and the mail they send. Runs are started through <see cref="JobRunner"/> (the jobs API).</summary>
    public static WebApplicationBuilder AddContractRegieJobs(this WebApplicationBuilder builder)
    {
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var mail = builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        var pickup = Path.IsPathRooted(mail.PickupDirectory) ? mail.PickupDirectory : Path.Combine(builder.Environment.ContentRootPath, mail.PickupDirectory);
        builder.Services
            .AddSingleton(jobs)
            .AddSingleton(mail)
            .AddSingleton(new MailAddressing(mail.BaseUrl, mail.FallbackRecipient))
            .AddSingleton<IMailTransport>(string.IsNullOrWhiteSpace(mail.Host) ? new PickupDirectoryTransport(pickup) : new SmtpMailTransport(mail))
            .AddSingleton<IContractRegieJob, ContractExpiryJob>()
            .AddSingleton<IContractRegieJob, NotificationDispatchJob>()
            .AddSingleton<IContractRegieJob, DigestJob>()
            .AddSingleton<JobRunner>();
        return builder;
    }
}
