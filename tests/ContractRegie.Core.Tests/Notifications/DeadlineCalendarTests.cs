using ContractRegie.Core.Contracts;
using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Tests.Notifications;

/// <summary>Which deadlines go into whose calendar feed, and how they are written (issue 16).</summary>
public sealed class DeadlineCalendarTests
{
    /// <summary>Ends 31-12-2026 with one option of a year, notice and lead time 6 months: decide by 30-06-2026, procurement by 30-06-2027.</summary>
    private static readonly Contract Contract = new()
    {
        Id = 12, ContractNumber = "WMO-12", Title = "Begeleiding", ProviderId = 1, ProviderName = "Zorg Twente", Kind = ContractKind.Lokaal,
        Law = Law.Wmo, ProcurementRoute = ProcurementRoute.OpenHouse, StartDate = new(2024, 1, 1), InitialEndDate = new(2026, 12, 31),
        ExtensionOptions = [new ExtensionOption(1, 12, false)], NoticePeriodMonths = 6, ProcurementLeadTimeMonths = 6,
        ContractManager = "a.bakker", TactischInkoper = "e.brinkman", Status = ContractStatus.Actief,
    };

    private static IEnumerable<(string Uid, DateOnly Due)> For(string user, IReadOnlyDictionary<SignalKind, IReadOnlyList<Addressee>> routing) =>
        DeadlineCalendar.ResponsibleFor(user, [Contract], routing).Select(d => (d.Uid, d.Due));

    [Fact]
    public void By_default_the_contractmanager_gets_the_decision_and_the_inkoper_the_procurement_start()
    {
        Assert.Equal([("contract-12-decision@contractregie", new DateOnly(2026, 6, 30))], For("a.bakker", MailRouting.Defaults));
        Assert.Equal([("contract-12-procurement@contractregie", new DateOnly(2027, 6, 30))], For("e.brinkman", MailRouting.Defaults));
        Assert.Empty(For("j.jansen", MailRouting.Defaults));
    }

    [Fact]
    public void The_configured_routing_decides_and_a_copy_is_not_responsibility()
    {
        var routing = MailRouting.WithOverrides(new Dictionary<string, string> { ["DecisionDue"] = "Inkoper, cc:Contractmanager" });

        Assert.Equal(2, For("e.brinkman", routing).Count());
        Assert.Empty(For("a.bakker", routing));
    }

    [Fact]
    public void After_ending_the_contract_there_is_nothing_left_to_put_in_a_calendar() =>
        Assert.Empty(DeadlineCalendar.OfContract(Contract with { LatestDecision = RenewalDecisionKind.Beeindigen }));

    [Fact]
    public void Each_deadline_is_an_all_day_event_with_a_reminder_a_week_ahead()
    {
        var ics = DeadlineCalendar.Serialize(DeadlineCalendar.OfContract(Contract).Select(d => d.Deadline), "Termijnen");

        Assert.Contains("DTSTART;VALUE=DATE:20260630", ics);
        Assert.Contains("DTEND;VALUE=DATE:20260701", ics);
        Assert.Contains("UID:contract-12-decision@contractregie", ics);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(ics, "TRIGGER:-P7D").Count);
        Assert.Contains("X-WR-CALNAME:Termijnen", ics);
    }
}
