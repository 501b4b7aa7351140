using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ContractRegie.Core.Notifications;

/// <summary>The deadlines of a mail as an iCalendar file (RFC 5545): one all-day event per deadline, stable per signal.</summary>
public static class DeadlineCalendar
{
    /// <summary>Null when no item has a deadline.</summary>
    public static string? For(IReadOnlyList<MailItem> items)
    {
        var dated = items.Where(i => i.DueOn is not null).ToList();
        if (dated.Count == 0)
        {
            return null;
        }
        var calendar = new Calendar { ProductId = "-//Gemeente//ContractRegie//NL" };
        foreach (var item in dated)
        {
            var due = item.DueOn!.Value;
            calendar.Events.Add(new CalendarEvent
            {
                // The same signal keeps the same event, so a calendar updates it instead of adding a second one.
                Uid = $"signal-{item.Signal.Id}@contractregie",
                Summary = item.Signal.Title,
                Description = SignalMail.NextStep(item.Signal.Kind) + "\n" + item.Signal.Facts,
                DtStart = new CalDateTime(due.Year, due.Month, due.Day),
                DtEnd = new CalDateTime(due.AddDays(1).Year, due.AddDays(1).Month, due.AddDays(1).Day),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar);
    }
}
