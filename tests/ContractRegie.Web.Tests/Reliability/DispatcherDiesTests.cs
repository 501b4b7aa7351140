using ContractRegie.Core.Security;
using ContractRegie.Web.Jobs;
using ContractRegie.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Reliability;

/// <summary>Two instances on the real PostgreSQL with a real SMTP server: one dies while sending, the other takes over.</summary>
public sealed class DispatcherDiesTests
{
    [Fact]
    public async Task A_mail_claimed_by_an_instance_that_died_is_sent_once_by_the_other_instance_a_minute_later()
    {
        await using var database = await ScratchPostgresDatabase.CreateAsync();
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var settings = smtp.MailSettings();
        settings["Database:Provider"] = "Postgres";
        settings["Database:ConnectionString"] = database.ConnectionString;
        settings["Mail:ImmediateFrom"] = "Info";
        await using var dying = new ContractRegieApp { Settings = settings };
        await using var survivor = new ContractRegieApp { Settings = settings };
        var manager = await dying.CreateManagerAsync();
        var writer = await dying.CreateClientAsAsync(Role.Contractmanager);
        var body = ContractBody(await writer.CreateProviderAsync());
        body["contractManager"] = manager;
        await writer.CreateAsync("/api/v1/contracts", body);
        await dying.RunJobAsync("contract-expiry");

        // The first instance claims the mail and dies before the SMTP server accepted it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Dispatcher(dying).RunAsync(new CancellationToken(canceled: true)));

        survivor.Clock.Now = ContractRegieApp.DefaultNow.AddSeconds(50);
        await Dispatcher(survivor).RunAsync(CancellationToken.None);
        Assert.Empty(smtp.Messages());

        survivor.Clock.Now = ContractRegieApp.DefaultNow.AddSeconds(61);
        await Dispatcher(survivor).RunAsync(CancellationToken.None);
        dying.Clock.Now = survivor.Clock.Now;
        await Dispatcher(dying).RunAsync(CancellationToken.None);

        Assert.Equal([$"{manager}@almelo.example"], smtp.Messages().Select(m => m.To.Mailboxes.Single().Address));
    }

    private static IContractRegieJob Dispatcher(ContractRegieApp app) =>
        app.Services.GetServices<IContractRegieJob>().Single(j => j.Name == "notification-dispatch");
}
