using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Signals;
using MimeKit;

namespace ContractRegie.Web.Mail;

public enum MailSecurity { None, StartTls, SslOnConnect, Auto }

/// <summary>The "Mail" settings. Without a host, mail is written as .eml files to <see cref="PickupDirectory"/>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "ContractRegie <contractregie@gemeente.example>";
    /// <summary>Relative paths are under the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
    /// <summary>Where links in e-mails point to: the address people use to open ContractRegie.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>Receives what is meant for nobody else: a role without its own mailbox, a person without an address.</summary>
    public string? FallbackRecipient { get; set; }
    /// <summary>A mailbox per role (e.g. "Financien": "financien@…") for signals no person of that role can take.</summary>
    public Dictionary<string, string> RoleMailboxes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Routing per signal kind, overriding the defaults: roles, a copy marked "cc:" (e.g. "Inkoper, cc:Contractmanager").</summary>
    public Dictionary<string, string> Routing { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Signals of this severity or above are mailed at once; the rest go into each user's digest.</summary>
    public SignalSeverity ImmediateFrom { get; set; } = MailPolicy.Default.ImmediateFrom;
    /// <summary>A run with at least this many new or escalated signals sends one overview per person instead.</summary>
    public int OverviewFromNewSignals { get; set; } = MailPolicy.Default.OverviewFromNews;
    /// <summary>The wait after the first failure; it doubles with every further failure, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = MailRetryPlan.Default.FirstDelay;
    /// <summary>How long after queueing an e-mail is still tried; then it is marked failed and the beheerder is signalled.</summary>
    public TimeSpan RetryHorizon { get; set; } = MailRetryPlan.Default.Horizon;
    /// <summary>
    /// The most mails one dispatcher run sends; with a run every minute, the rate per minute. The default drains the outbox of a
    /// national first run (about 100,000 mails) in under an hour; lower it for an SMTP server that limits senders.
    /// </summary>
    public int DispatchBatchSize { get; set; } = 2_000;

    /// <summary>What is wrong with these settings, each naming its key; checked when the host starts.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            yield return $"{Section}:BaseUrl: '{BaseUrl}' is not an absolute http(s) address; links in e-mails start with it.";
        }
        if (!MailboxAddress.TryParse(From, out _))
        {
            yield return $"{Section}:From: '{From}' is not an e-mail address.";
        }
        if (Port is < 1 or > 65535)
        {
            yield return $"{Section}:Port: {Port} is not a TCP port.";
        }
        if (DispatchBatchSize < 1)
        {
            yield return $"{Section}:DispatchBatchSize: {DispatchBatchSize} must be at least 1, or no mail is ever sent.";
        }
        if (RetryDelay <= TimeSpan.Zero || RetryHorizon < RetryDelay)
        {
            yield return $"{Section}:RetryDelay must be positive and {Section}:RetryHorizon at least as long.";
        }
        string? routing = null;
        try
        {
            ToAddressing();
        }
        catch (InvalidOperationException problem)
        {
            routing = problem.Message;
        }
        if (routing is not null)
        {
            yield return routing;
        }
    }

    public MailRetryPlan ToRetryPlan() => new(RetryDelay, RetryHorizon);

    /// <summary>What the jobs need of these settings; an unknown role or signal kind stops the start with its name.</summary>
    public MailAddressing ToAddressing() => new(BaseUrl, FallbackRecipient)
    {
        RoleMailboxes = RoleMailboxes.ToDictionary(
            pair => Roles.TryParse(pair.Key, out var role) ? role : throw new InvalidOperationException(
                $"Mail:RoleMailboxes:{pair.Key}: unknown role; use one of {string.Join(", ", Enum.GetNames<Role>())}."),
            pair => pair.Value),
        Routing = MailRouting.WithOverrides(Routing),
        Policy = new MailPolicy(ImmediateFrom, OverviewFromNewSignals),
    };
}
