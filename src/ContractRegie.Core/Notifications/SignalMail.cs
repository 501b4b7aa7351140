using ContractRegie.Core.Common;
using System.Net;
using System.Text;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Notifications;

/// <summary>An e-mail's Dutch subject with a text and an HTML body of the same content.</summary>
public sealed record MailContent(string Subject, string Text, string Html);

/// <summary>One signal in a mail to one recipient: <see cref="DueOn"/> is the deadline to act by, if the signal has one.</summary>
public sealed record MailItem(Signal Signal, DateOnly? DueOn, bool InCopy);

/// <summary>
/// Who reads the mail: the name to greet (none for a role mailbox), the roles that decide which pages a link may open,
/// and the role a beheerder stands in for when nobody in it can be reached.
/// </summary>
public sealed record MailReader(string? DisplayName, IReadOnlyList<Role> Roles, Role? StandsInFor = null);

/// <summary>
/// Words the e-mails about signals in Dutch: a greeting, what it is about in a table (with the figures the job found),
/// what to do next and by when, a link the reader's role may open, and the same content as plain text. Data is
/// HTML-encoded in the HTML body.
/// </summary>
public static class SignalMail
{
    /// <summary>The mail of one job run to one recipient with every signal that needs them now.</summary>
    public static MailContent Immediate(IReadOnlyList<MailItem> items, MailReader reader, string baseUrl)
    {
        var subject = items.Count == 1
            ? $"[ContractRegie] {SeverityWord(items[0].Signal.Severity)}: {items[0].Signal.Title}"
            : $"[ContractRegie] {DutchFormat.Count(items.Count)} signaleringen vragen uw aandacht";
        var intro = items.Count == 1 ? "Er is een signalering die uw aandacht vraagt." : $"Er zijn {DutchFormat.Count(items.Count)} signaleringen die uw aandacht vragen.";
        return Compose(subject, intro, items, reader, baseUrl);
    }

    /// <summary>The daily or weekly digest; with <paramref name="overview"/> the one-off overview after a first run or a large import.</summary>
    public static MailContent Digest(IReadOnlyList<MailItem> items, MailReader reader, DateOnly today, MailFrequency frequency, bool overview, string baseUrl)
    {
        var date = DutchFormat.Date(today);
        var count = Count(items.Count);
        var (subject, intro) = overview
            ? ($"[ContractRegie] Overzicht {date}: {count} voor u",
               $"ContractRegie heeft het register doorgelopen. Dit is in één overzicht wat u aangaat ({count}); voortaan krijgt u alleen wat nieuw is.")
            : frequency == MailFrequency.Weekly
                ? ($"[ContractRegie] Weekoverzicht {date}: {count}", $"Nieuw of veranderd sinds uw vorige weekoverzicht: {count}.")
                : ($"[ContractRegie] Dagoverzicht {date}: {count}", $"Nieuw of veranderd sinds uw vorige dagoverzicht: {count}.");
        return Compose(subject, intro, items, reader, baseUrl);
    }

    /// <summary>A page the reader's role may open: the contract, the spending page for financiën, else the signal itself.</summary>
    public static string LinkTo(Signal signal, IReadOnlyList<Role> roles, string baseUrl)
    {
        var root = baseUrl.TrimEnd('/');
        return signal.SubjectType switch
        {
            SignalSubjects.Contract => $"{root}/contracten/{signal.SubjectId}",
            SignalSubjects.SpendingLine when roles.Contains(Role.Financien) => $"{root}/uitgaven",
            _ => $"{root}/signaleringen?id={signal.Id}",
        };
    }

    /// <summary>
    /// What this reader should do next, in one sentence. Financiën receives the budget signals beside the contractmanager,
    /// whom the general advice sends to financiën, so it is pointed the other way; a beheerder standing in is asked to
    /// get the signal to someone in the role.
    /// </summary>
    public static string NextStep(SignalKind kind, MailReader reader) => reader switch
    {
        { StandsInFor: { } role } => $"Zorg dat een {Lower(role)} dit oppakt: {NextStep(kind)}",
        _ when kind is SignalKind.BudgetNearlyExhausted or SignalKind.BudgetExceeded && reader.Roles.Contains(Role.Financien) && !reader.Roles.Contains(Role.Contractmanager)
            => "Stem met de contractmanager af: budget bijstellen of de zorgaanbieder aanspreken.",
        _ => NextStep(kind),
    };

    /// <summary>What to do next, in one sentence, as the contractmanager or inkoper reads it (also in calendar events).</summary>
    public static string NextStep(SignalKind kind) => kind switch
    {
        SignalKind.DecisionDue => "Leg het besluit over verlengen of opnieuw aanbesteden vast.",
        SignalKind.ProcurementMustStart => "Start de nieuwe aanbesteding of leg vast dat het contract wordt verlengd of beëindigd.",
        SignalKind.ContractExpiredWithoutDecision => "Leg zo snel mogelijk alsnog een besluit vast; zonder besluit wordt er zorg buiten contract geleverd.",
        SignalKind.OutcomeBelowNorm => "Bespreek het resultaat met de zorgaanbieder in het volgende voortgangsgesprek.",
        SignalKind.OutcomeReportMissing => "Vraag de ontbrekende rapportage op bij de zorgaanbieder.",
        SignalKind.FinancialRisk => "Bespreek de financiële positie met de zorgaanbieder en beoordeel de continuïteit van de zorg.",
        SignalKind.BudgetNearlyExhausted or SignalKind.BudgetExceeded => "Stem met financiën af: budget bijstellen of de zorgaanbieder aanspreken.",
        SignalKind.MailUndeliverable => "Controleer de mailinstellingen en de mailserver en verstuur de e-mail opnieuw vanaf de startpagina.",
        _ => "Zoek de uitzonderingen uit bij de afstemming van uitgaven en corrigeer of verantwoord ze.",
    };

    /// <summary>
    /// How many signals one mail lists. A first run over a large register can give one person thousands; a mail that
    /// long is not read, so it lists the most urgent and sends the reader to their signal list for the rest.
    /// </summary>
    public const int MaxListed = 50;

    /// <summary>The signals a mail lists, most urgent first (severity, then the nearest deadline): at most <see cref="MaxListed"/>.</summary>
    public static IReadOnlyList<MailItem> Listed(IReadOnlyList<MailItem> items) =>
        items.OrderByDescending(i => i.Signal.Severity).ThenBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.Signal.Id).Take(MaxListed).ToList();

    private static MailContent Compose(string subject, string intro, IReadOnlyList<MailItem> items, MailReader reader, string baseUrl)
    {
        var greeting = reader.DisplayName is { Length: > 0 } name ? $"Beste {name}," : "Beste collega's,";
        var ordered = Listed(items);
        var settings = $"{baseUrl.TrimEnd('/')}/instellingen/meldingen";

        var text = new StringBuilder().Append(greeting).Append("\n\n").Append(intro).Append("\n\n");
        var html = new StringBuilder("<html><body style=\"font-family:Arial,sans-serif\">")
            .Append("<p>").Append(Encode(greeting)).Append("</p><p>").Append(Encode(intro)).Append("</p>");
        if (reader.StandsInFor is { } standsInFor)
        {
            var why = StandInReason(standsInFor);
            text.Append(why).Append("\n\n");
            html.Append("<p>").Append(Encode(why)).Append("</p>");
        }
        if (items.Count > ordered.Count)
        {
            var list = $"{baseUrl.TrimEnd('/')}/signaleringen";
            var rest = $"Hieronder staan de {ordered.Count} dringendste; alle {DutchFormat.Count(items.Count)} vindt u onder Signaleringen";
            text.Append(rest).Append(": ").Append(list).Append("\n\n");
            html.Append("<p>").Append(Encode(rest)).Append(": <a href=\"").Append(Encode(list)).Append("\">Signaleringen</a>.</p>");
        }
        html
            .Append("<table style=\"border-collapse:collapse\" cellpadding=\"6\" border=\"1\"><thead><tr>")
            .Append("<th scope=\"col\">Ernst</th><th scope=\"col\">Signalering</th><th scope=\"col\">Gegevens</th>")
            .Append("<th scope=\"col\">Wat nu</th><th scope=\"col\">Uiterlijk</th><th scope=\"col\">Link</th></tr></thead><tbody>");
        foreach (var item in ordered)
        {
            var signal = item.Signal;
            var link = LinkTo(signal, reader.Roles, baseUrl);
            var due = item.DueOn is { } date ? DutchFormat.Date(date) : "zo snel mogelijk";
            var copy = item.InCopy ? " (ter informatie, in kopie)" : "";
            text.Append("* ").Append(SeverityWord(signal.Severity)).Append(": ").Append(signal.Title).Append(copy).Append('\n')
                .Append("  ").Append(signal.Facts).Append('\n')
                .Append("  Wat nu: ").Append(NextStep(signal.Kind, reader)).Append(" Uiterlijk: ").Append(due).Append('\n')
                .Append("  ").Append(link).Append("\n\n");
            html.Append("<tr><td>").Append(Encode(SeverityWord(signal.Severity))).Append("</td><td>").Append(Encode(signal.Title + copy))
                .Append("</td><td>").Append(Encode(signal.Facts)).Append("</td><td>").Append(Encode(NextStep(signal.Kind, reader)))
                .Append("</td><td>").Append(Encode(due)).Append("</td><td><a href=\"").Append(Encode(link)).Append("\">Openen</a></td></tr>");
        }
        var footer = (reader.StandsInFor is null ? "U ontvangt dit bericht omdat u voor deze signaleringen verantwoordelijk bent of in kopie staat. " : "")
                     + $"Dringende signaleringen krijgt u direct; voor de rest kiest u zelf direct, een dagoverzicht of een weekoverzicht: {settings}";
        text.Append(footer).Append('\n');
        html.Append("</tbody></table><p style=\"color:#5f6b76\">").Append(Encode(footer.Replace(": " + settings, ".", StringComparison.Ordinal)))
            .Append(" <a href=\"").Append(Encode(settings)).Append("\">Meldingen instellen</a></p></body></html>");
        return new MailContent(subject, text.ToString(), html.ToString());
    }

    /// <summary>Why a beheerder gets signals meant for another role, and how to end it.</summary>
    private static string StandInReason(Role role) =>
        "U ontvangt dit als beheerder: " + (role is Role.Contractmanager or Role.Inkoper
            ? $"de {Lower(role)} die het contract of de zorgaanbieder noemt, heeft geen actief account met een e-mailadres, en er is geen "
              + $"rolmailbox ingesteld (Mail:RoleMailboxes:{role}). Geef die gebruiker een account met e-mailadres ({UserAdministration}), of "
              + $"laat een contractmanager een andere {Lower(role)} op het contract zetten."
            : $"niemand met de rol {Lower(role)} heeft een actief account met een e-mailadres, en er is geen rolmailbox ingesteld "
              + $"(Mail:RoleMailboxes:{role}). Geef een gebruiker die rol en een e-mailadres ({UserAdministration}).");

    /// <summary>Where a beheerder manages accounts: there is no page for it, the API (also through Swagger UI) or the CLI.</summary>
    public const string UserAdministration = "gebruikersbeheer: /api/v1/users, bijvoorbeeld via /swagger, of contractregie add-user";

    private static string Lower(Role role) => Roles.DutchName(role).ToLowerInvariant();

    private static string Count(int count) => count == 1 ? "1 signalering" : $"{DutchFormat.Count(count)} signaleringen";

    private static string SeverityWord(SignalSeverity severity) => severity switch
    {
        SignalSeverity.Critical => "Urgent",
        SignalSeverity.High => "Hoog",
        SignalSeverity.Warning => "Let op",
        _ => "Ter info",
    };

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
