using System.Globalization;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Notifications;

/// <summary>What a user wants for signals below the immediate threshold.</summary>
public enum MailFrequency { Immediate, Daily, Weekly }

/// <summary>How a signal reaches one recipient: in the mail of the job run, in the next digest, or in a one-off overview.</summary>
public enum MailChannel { Immediate, Digest, Overview }

/// <summary>How mail is sent: from which severity at once, and from how many news items a run sends an overview instead.</summary>
public sealed record MailPolicy(SignalSeverity ImmediateFrom, int OverviewFromNews)
{
    public static readonly MailPolicy Default = new(SignalSeverity.High, 25);
}

/// <summary>Urgency decides the channel (issue 11); dates in, decisions out.</summary>
public static class MailChannels
{
    /// <summary>
    /// A run with many news items (the first run over a new register, or after a large import) sends each person one
    /// overview through the digest instead of a mail per run; otherwise urgent signals go at once and the rest as the
    /// recipient chose.
    /// </summary>
    public static MailChannel For(SignalSeverity severity, MailFrequency frequency, bool overviewRun, MailPolicy policy) =>
        overviewRun ? MailChannel.Overview
        : severity >= policy.ImmediateFrom || frequency == MailFrequency.Immediate ? MailChannel.Immediate
        : MailChannel.Digest;

    /// <summary>The period one digest covers: a day, or an ISO week for weekly readers; an overview goes on the day it is ready.</summary>
    public static string DigestPeriod(MailFrequency frequency, DateOnly today, bool holdsOverview) =>
        frequency == MailFrequency.Weekly && !holdsOverview
            ? $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}"
            : today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
