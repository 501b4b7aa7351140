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
    /// <summary>Receives what is meant for a contractmanager whose e-mail address is unknown.</summary>
    public string? FallbackRecipient { get; set; }
    /// <summary>After this many failed attempts an e-mail is marked failed and no longer retried.</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>The wait after the first failure; it doubles with every further failure, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
