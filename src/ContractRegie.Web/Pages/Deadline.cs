namespace ContractRegie.Web.Pages;

/// <summary>
/// How close a deadline is: past (red), within three months (orange) or later. The page shows it in words as well
/// as in colour, so it does not depend on seeing colour.
/// </summary>
public enum DeadlineUrgency { None, DueSoon, Overdue }

public static class Deadline
{
    public static DeadlineUrgency Urgency(DateOnly? deadline, DateOnly today) => deadline switch
    {
        null => DeadlineUrgency.None,
        { } date when date < today => DeadlineUrgency.Overdue,
        { } date when date <= today.AddMonths(3) => DeadlineUrgency.DueSoon,
        _ => DeadlineUrgency.None,
    };

    public static string CssClass(DeadlineUrgency urgency) => urgency switch
    {
        DeadlineUrgency.Overdue => "overdue",
        DeadlineUrgency.DueSoon => "due-soon",
        _ => "",
    };

    /// <summary>The words next to the date: "verstreken", "binnen 3 maanden".</summary>
    public static string Words(DeadlineUrgency urgency) => urgency switch
    {
        DeadlineUrgency.Overdue => "verstreken",
        DeadlineUrgency.DueSoon => "binnen 3 maanden",
        _ => "",
    };
}
