using System.Globalization;
using System.Net;
using System.Text;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Notifications;

/// <summary>An e-mail's Dutch subject with a text and an HTML body of the same content.</summary>
public sealed record MailContent(string Subject, string Text, string Html);

/// <summary>Words the e-mails about signals in Dutch, with a link to the item in the UI. Data is HTML-encoded in the HTML body.</summary>
public static class SignalMail
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static MailContent ForSignal(Signal signal, string baseUrl)
    {
        var link = LinkTo(signal, baseUrl);
        var subject = $"[ContractRegie] {SeverityWord(signal.Severity)}: {signal.Title}";
        var text = $"""
            {signal.Title}

            {signal.Facts}

            Bekijk het in ContractRegie: {link}

            U ontvangt dit bericht omdat u contractmanager bent. Bevestig of sluit de signalering in ContractRegie.
            """;
        var html = $"""
            <html><body>
            <h2>{Encode(signal.Title)}</h2>
            <p>{Encode(signal.Facts)}</p>
            <p><a href="{Encode(link)}">Bekijk het in ContractRegie</a></p>
            <p style="color:#5f6b76">U ontvangt dit bericht omdat u contractmanager bent. Bevestig of sluit de signalering in ContractRegie.</p>
            </body></html>
            """;
        return new MailContent(subject, text, html);
    }

    /// <summary>The weekly summary of everything still open for one contractmanager.</summary>
    public static MailContent Digest(IReadOnlyList<Signal> open, DateOnly weekOf, string baseUrl)
    {
        var subject = $"[ContractRegie] Weekoverzicht {weekOf.ToString("dd-MM-yyyy", Dutch)}: {open.Count} open signaleringen";
        var text = new StringBuilder($"Open signaleringen op {weekOf.ToString("dd-MM-yyyy", Dutch)}:\n\n");
        var html = new StringBuilder($"<html><body><h2>Open signaleringen op {weekOf.ToString("dd-MM-yyyy", Dutch)}</h2><ul>");
        foreach (var signal in open)
        {
            text.Append("- ").Append(SeverityWord(signal.Severity)).Append(": ").Append(signal.Title).Append(" (").Append(LinkTo(signal, baseUrl)).Append(")\n");
            html.Append("<li>").Append(Encode(SeverityWord(signal.Severity))).Append(": <a href=\"").Append(Encode(LinkTo(signal, baseUrl))).Append("\">")
                .Append(Encode(signal.Title)).Append("</a></li>");
        }
        html.Append("</ul></body></html>");
        return new MailContent(subject, text.ToString(), html.ToString());
    }

    public static string LinkTo(Signal signal, string baseUrl) => signal.SubjectType switch
    {
        "contract" => $"{baseUrl.TrimEnd('/')}/contracten/{signal.SubjectId}",
        _ => $"{baseUrl.TrimEnd('/')}/signaleringen?id={signal.Id}",
    };

    private static string SeverityWord(SignalSeverity severity) => severity switch
    {
        SignalSeverity.Critical => "Urgent",
        SignalSeverity.High => "Hoog",
        SignalSeverity.Warning => "Let op",
        _ => "Ter info",
    };

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
