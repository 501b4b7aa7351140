using ContractRegie.Data.Users;
using ContractRegie.Web.Apis.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Instellingen;

/// <summary>
/// The user's own calendar link: the deadlines they act on as a feed for Outlook. Only a hash of the token is stored, so
/// the link is shown once, when made; making a new one ends the old.
/// </summary>
public sealed class AgendaModel(UserRepository users, CalendarFeedRepository feeds) : PageModel
{
    /// <summary>False when the signed-in user has no account here (e.g. signed in through OIDC only).</summary>
    public bool HasAccount { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    /// <summary>The new link, right after it was made; never shown again.</summary>
    public string? NewFeedUrl { get; private set; }

    public async Task OnGetAsync()
    {
        if (await SignedInUserAsync() is { } user)
        {
            HasAccount = true;
            IssuedAt = await feeds.ReadIssuedAtAsync(user.Id);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await SignedInUserAsync() is not { } user)
        {
            return BadRequest();
        }
        HasAccount = true;
        NewFeedUrl = CalendarEndpoints.FeedUrl(Request, await feeds.RenewAsync(user.Id));
        IssuedAt = await feeds.ReadIssuedAtAsync(user.Id);
        return Page();
    }

    private async Task<StoredUser?> SignedInUserAsync() =>
        User.Identity?.Name is { } name ? await users.ReadByUserNameAsync(name) : null;
}
