using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ContractRegie.Core.Notifications;

/// <summary>One deadline as an all-day calendar event; the same <paramref name="Uid"/> makes a calendar update it instead of adding one.</summary>
public sealed record CalendarDeadline(string Uid, DateOnly Due, string Summary, string Description);

/// <summary>
/// Deadlines as iCalendar (RFC 5545): one all-day event per deadline with a stable UID and a reminder a week ahead. Used
/// for a mail's deadlines, a contract's key dates as a download, and each user's subscribable feed.
/// </summary>
public static class DeadlineCalendar
{
    /// <summary>How many days before a deadline the calendar reminds: a week leaves time to prepare a decision.</summary>
    public const int ReminderDaysBefore = 7;

    /// <summary>The deadlines of a mail's signals; null when no item has a deadline.</summary>
    public static string? For(IReadOnlyList<MailItem> items)
    {
        var dated = items.Where(i => i.DueOn is not null)
            .Select(i => new CalendarDeadline($"signal-{i.Signal.Id}@contractregie", i.DueOn!.Value, i.Signal.Title,
                SignalMail.NextStep(i.Signal.Kind) + "\n" + i.Signal.Facts))
            .ToList();
        return dated.Count == 0 ? null : Serialize(dated);
    }

    /// <summary>
    /// The key-date deadlines of a contract (computed by <see cref="KeyDateRules"/>): the decision about extension and the
    /// start of a new procurement, each while it applies.
    /// </summary>
    public static IEnumerable<(SignalKind Kind, CalendarDeadline Deadline)> OfContract(Contract contract)
    {
        var keyDates = contract.KeyDates;
        var about = $"{contract.ContractNumber} ({contract.ProviderName})";
        if (keyDates.DecisionDeadline is { } decision)
        {
            yield return (SignalKind.DecisionDue, new CalendarDeadline($"contract-{contract.Id}-decision@contractregie", decision,
                $"Uiterste besluitdatum verlenging {about}",
                $"{contract.Title}. {SignalMail.NextStep(SignalKind.DecisionDue)} Huidig einde {DutchFormat.Date(keyDates.CurrentEnd)}."));
        }
        if (keyDates.ProcurementStartDeadline is { } procurement)
        {
            yield return (SignalKind.ProcurementMustStart, new CalendarDeadline($"contract-{contract.Id}-procurement@contractregie", procurement,
                $"Uiterste start aanbesteding {about}",
                $"{contract.Title}. {SignalMail.NextStep(SignalKind.ProcurementMustStart)} Uiterlijk einde {DutchFormat.Date(keyDates.MaximumEnd)}."));
        }
    }

    /// <summary>
    /// The deadlines of <paramref name="contracts"/> that <paramref name="userName"/> acts on under the mail routing: the
    /// contractmanager or tactisch inkoper the routing names for that kind of deadline (not those in copy).
    /// </summary>
    public static IEnumerable<CalendarDeadline> ResponsibleFor(
        string userName, IEnumerable<Contract> contracts, IReadOnlyDictionary<SignalKind, IReadOnlyList<Addressee>> routing) =>
        contracts.SelectMany(contract => OfContract(contract)
            .Where(d => routing.GetValueOrDefault(d.Kind, []).Any(a => !a.InCopy && Names(a.Role, contract) == userName))
            .Select(d => d.Deadline));

    public static string Serialize(IEnumerable<CalendarDeadline> deadlines, string? name = null)
    {
        var calendar = new Calendar { ProductId = "-//Gemeente//ContractRegie//NL" };
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }
        foreach (var deadline in deadlines)
        {
            var due = deadline.Due;
            var calendarEvent = new CalendarEvent
            {
                Uid = deadline.Uid,
                Summary = deadline.Summary,
                Description = deadline.Description,
                DtStart = new CalDateTime(due.Year, due.Month, due.Day),
                DtEnd = new CalDateTime(due.AddDays(1).Year, due.AddDays(1).Month, due.AddDays(1).Day),
            };
            calendarEvent.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = deadline.Summary,
                Trigger = new Trigger(Duration.FromDays(-ReminderDaysBefore)),
            });
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string? Names(Role role, Contract contract) => role switch
    {
        Role.Contractmanager => contract.ContractManager,
        Role.Inkoper => contract.TactischInkoper,
        _ => null,
    };
}
