using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Tests.Notifications;

public sealed class MailRulesTests
{
    private static readonly DateOnly Wednesday = new(2026, 3, 4);

    [Theory]
    [InlineData(SignalSeverity.Critical, MailFrequency.Weekly, false, MailChannel.Immediate)]
    [InlineData(SignalSeverity.High, MailFrequency.Daily, false, MailChannel.Immediate)]
    [InlineData(SignalSeverity.Warning, MailFrequency.Daily, false, MailChannel.Digest)]
    [InlineData(SignalSeverity.Info, MailFrequency.Weekly, false, MailChannel.Digest)]
    [InlineData(SignalSeverity.Info, MailFrequency.Immediate, false, MailChannel.Immediate)]
    [InlineData(SignalSeverity.Critical, MailFrequency.Immediate, true, MailChannel.Overview)]
    public void Urgency_and_preference_decide_the_channel_and_an_overview_run_holds_everything(
        SignalSeverity severity, MailFrequency frequency, bool overviewRun, MailChannel channel) =>
        Assert.Equal(channel, MailChannels.For(severity, frequency, overviewRun, MailPolicy.Default));

    [Fact]
    public void A_lower_threshold_mails_warnings_at_once() =>
        Assert.Equal(MailChannel.Immediate, MailChannels.For(SignalSeverity.Warning, MailFrequency.Weekly, false, new MailPolicy(SignalSeverity.Warning, 25)));

    [Fact]
    public void A_daily_digest_covers_a_day_a_weekly_one_its_iso_week_and_an_overview_goes_the_same_day()
    {
        Assert.Equal("2026-03-04", MailChannels.DigestPeriod(MailFrequency.Daily, Wednesday, holdsOverview: false));
        // 4 March 2026 is in ISO week 10 (the week of Monday 2 March).
        Assert.Equal("2026-W10", MailChannels.DigestPeriod(MailFrequency.Weekly, Wednesday, holdsOverview: false));
        Assert.Equal("2026-03-04", MailChannels.DigestPeriod(MailFrequency.Weekly, Wednesday, holdsOverview: true));
    }

    [Fact]
    public void Procurement_starts_go_to_the_inkoper_with_the_contractmanager_in_copy_and_spending_to_financien_and_the_contractmanager()
    {
        Assert.Equal([new Addressee(Role.Inkoper), new Addressee(Role.Contractmanager, InCopy: true)], MailRouting.Defaults[SignalKind.ProcurementMustStart]);
        Assert.Equal([new Addressee(Role.Contractmanager)], MailRouting.Defaults[SignalKind.DecisionDue]);
        Assert.Equal([new Addressee(Role.Financien), new Addressee(Role.Contractmanager)], MailRouting.Defaults[SignalKind.UnlawfulSpending]);
        Assert.All(Enum.GetValues<SignalKind>(), kind => Assert.NotEmpty(MailRouting.Defaults[kind]));
    }

    [Fact]
    public void Routing_is_configurable_per_kind_and_names_what_it_does_not_know()
    {
        var routes = MailRouting.WithOverrides(new Dictionary<string, string> { ["DecisionDue"] = "Inkoper, cc:contractmanager" });

        Assert.Equal([new Addressee(Role.Inkoper), new Addressee(Role.Contractmanager, InCopy: true)], routes[SignalKind.DecisionDue]);
        Assert.Equal(MailRouting.Defaults[SignalKind.BudgetExceeded], routes[SignalKind.BudgetExceeded]);
        Assert.Contains("'Inkoop'", Assert.Throws<InvalidOperationException>(() => MailRouting.WithOverrides(new Dictionary<string, string> { ["DecisionDue"] = "Inkoop" })).Message);
        Assert.Contains("Mail:Routing:Besluit", Assert.Throws<InvalidOperationException>(() => MailRouting.WithOverrides(new Dictionary<string, string> { ["Besluit"] = "Inkoper" })).Message);
    }

    [Fact]
    public void A_link_points_to_a_page_the_readers_role_may_open()
    {
        var contract = new Signal { Id = 7, SubjectType = "contract", SubjectId = 12 };
        var spending = new Signal { Id = 8, SubjectType = "spending_line", SubjectId = 99 };

        Assert.Equal("https://cr.example/contracten/12", SignalMail.LinkTo(contract, [Role.Inkoper], "https://cr.example/"));
        Assert.Equal("https://cr.example/uitgaven", SignalMail.LinkTo(spending, [Role.Financien], "https://cr.example"));
        Assert.Equal("https://cr.example/signaleringen?id=8", SignalMail.LinkTo(spending, [Role.Contractmanager], "https://cr.example"));
    }

    [Fact]
    public void A_mail_greets_by_name_tables_the_facts_with_what_to_do_by_when_and_has_the_same_in_plain_text()
    {
        var signal = new Signal
        {
            Id = 7, Kind = SignalKind.ProcurementMustStart, Severity = SignalSeverity.Critical, SubjectType = "contract", SubjectId = 12,
            Title = "Nieuwe aanbesteding voor WMO-1 uiterlijk starten op 31-12-2025", Facts = "Doorlooptijd <12> maanden.",
        };

        var mail = SignalMail.Immediate([new MailItem(signal, new DateOnly(2025, 12, 31), InCopy: false)], new MailReader("E. Brinkman", [Role.Inkoper]), "https://cr.example");

        Assert.Equal("[ContractRegie] Urgent: Nieuwe aanbesteding voor WMO-1 uiterlijk starten op 31-12-2025", mail.Subject);
        Assert.StartsWith("Beste E. Brinkman,", mail.Text);
        Assert.Contains("Wat nu: Start de nieuwe aanbesteding", mail.Text);
        Assert.Contains("Uiterlijk: 31-12-2025", mail.Text);
        Assert.Contains("https://cr.example/contracten/12", mail.Text);
        Assert.Contains("<td>Doorlooptijd &lt;12&gt; maanden.</td>", mail.Html);
        Assert.Contains("<a href=\"https://cr.example/instellingen/meldingen\">", mail.Html);
        Assert.StartsWith("Beste collega's,", SignalMail.Immediate([new MailItem(signal, null, false)], new MailReader(null, [Role.Inkoper]), "https://cr.example").Text);
    }

    [Fact]
    public void A_mail_with_more_signals_than_it_lists_shows_the_most_urgent_and_sends_the_reader_to_the_signal_list()
    {
        // Ids count down, so the order by id alone would list the opposite of what urgency lists.
        var items = Enumerable.Range(0, SignalMail.MaxListed + 30).Select(n => new MailItem(new Signal
        {
            Id = 1_000 - n, Kind = SignalKind.DecisionDue, SubjectType = "contract", SubjectId = n,
            Severity = n == 70 ? SignalSeverity.Critical : SignalSeverity.Warning, Title = $"Besluit {n:D3}",
        }, new DateOnly(2027, 1, 1).AddDays(n), InCopy: false)).ToList();

        var mail = SignalMail.Digest(items, new MailReader("F. Smit", [Role.Contractmanager]), new DateOnly(2026, 12, 3), MailFrequency.Daily,
            overview: true, "https://cr.example");
        var listed = System.Text.RegularExpressions.Regex.Matches(mail.Text, @"Besluit (\d{3})").Select(m => int.Parse(m.Groups[1].Value)).ToList();

        Assert.Equal([70, .. Enumerable.Range(0, SignalMail.MaxListed - 1)], listed);
        Assert.Contains("80 signaleringen voor u", mail.Subject);
        Assert.Contains($"Hieronder staan de {SignalMail.MaxListed} dringendste; alle 80 vindt u onder Signaleringen: https://cr.example/signaleringen", mail.Text);
        Assert.Contains("<a href=\"https://cr.example/signaleringen\">Signaleringen</a>", mail.Html);
        Assert.Equal(SignalMail.MaxListed, System.Text.RegularExpressions.Regex.Matches(DeadlineCalendar.For(SignalMail.Listed(items))!, "BEGIN:VEVENT").Count);
        Assert.DoesNotContain("dringendste", SignalMail.Digest(items[..SignalMail.MaxListed], new MailReader(null, [Role.Contractmanager]),
            new DateOnly(2026, 12, 3), MailFrequency.Daily, overview: false, "https://cr.example").Text);
    }

    [Fact]
    public void Financien_is_pointed_to_the_contractmanager_where_the_contractmanager_is_pointed_to_financien()
    {
        var budget = new Signal { Id = 9, Kind = SignalKind.BudgetExceeded, Severity = SignalSeverity.High, SubjectType = "contract", SubjectId = 3, Title = "Budget overschreden" };
        var item = new MailItem(budget, null, InCopy: false);

        var toFinance = SignalMail.Immediate([item], new MailReader("G. Visser", [Role.Financien]), "https://cr.example").Text;
        var toManager = SignalMail.Immediate([item], new MailReader("F. Smit", [Role.Contractmanager]), "https://cr.example").Text;

        Assert.Contains("Wat nu: Stem met de contractmanager af", toFinance);
        Assert.DoesNotContain("Stem met financiën af", toFinance);
        Assert.Contains("Wat nu: Stem met financiën af", toManager);
    }

    [Fact]
    public void Deadlines_become_all_day_calendar_events_that_keep_their_uid_per_signal()
    {
        var signal = new Signal { Id = 7, Kind = SignalKind.DecisionDue, Title = "Besluit over verlenging van WMO-1 uiterlijk 30-06-2026" };

        var ics = DeadlineCalendar.For([new MailItem(signal, new DateOnly(2026, 6, 30), false), new MailItem(signal with { Id = 8 }, null, false)])!;

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(ics, "BEGIN:VEVENT"));
        Assert.Contains("DTSTART;VALUE=DATE:20260630", ics);
        Assert.Contains("DTEND;VALUE=DATE:20260701", ics);
        Assert.Contains("UID:signal-7@contractregie", ics);
        Assert.Null(DeadlineCalendar.For([new MailItem(signal, null, false)]));
    }
}
