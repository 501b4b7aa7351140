using ContractRegie.Core.Notifications;
using ContractRegie.Core.Signals;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Instellingen;

/// <summary>Each user's own choice for the signals that are not urgent: at once, a daily or a weekly overview.</summary>
public sealed class MeldingenModel(UserRepository users, MailAddressing addressing) : PageModel
{
    public static readonly IReadOnlyList<(MailFrequency Frequency, string Label)> Choices =
    [
        (MailFrequency.Immediate, "Direct, in het bericht van de controle die ze vindt"),
        (MailFrequency.Daily, "In een dagoverzicht (elke ochtend)"),
        (MailFrequency.Weekly, "In een weekoverzicht (maandagochtend)"),
    ];

    /// <summary>Null when the signed-in user has no account with an e-mail address here (e.g. signed in through OIDC only).</summary>
    public MailFrequency? Current { get; private set; }

    public bool Saved { get; private set; }

    public string ImmediateFrom => addressing.Policy.ImmediateFrom switch
    {
        SignalSeverity.Critical => "Kritiek",
        SignalSeverity.High => "Hoog",
        SignalSeverity.Warning => "Waarschuwing",
        _ => "Info",
    };

    [BindProperty]
    public MailFrequency Frequency { get; set; }

    public async Task OnGetAsync(bool opgeslagen = false)
    {
        Saved = opgeslagen;
        Current = (await SignedInUserAsync())?.MailFrequency;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid || !Enum.IsDefined(Frequency) || await SignedInUserAsync() is not { } user)
        {
            return BadRequest();
        }
        await users.UpdateMailFrequencyAsync(user.Id, Frequency);
        return Redirect("/instellingen/meldingen?opgeslagen=true");
    }

    private async Task<StoredUser?> SignedInUserAsync() =>
        User.Identity?.Name is { } name && await users.ReadByUserNameAsync(name) is { Email.Length: > 0 } user ? user : null;
}
