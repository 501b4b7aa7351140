using ContractRegie.Data.Users;
using ContractRegie.Web.Apis.Security;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ContractRegie.Web.Pages;

[AllowAnonymous]
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public sealed class InloggenModel(UserAccounts accounts) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Vul gebruikersnaam en wachtwoord in.";
            return Page();
        }
        switch (await accounts.SignInAsync(UserName, Password))
        {
            case SignInOutcome.Succeeded signedIn:
                await SessionCookie.SignInAsync(HttpContext, signedIn);
                // Only local addresses: a crafted link must not send people elsewhere after signing in.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            default:
                Error = SessionsApi.SignInFailedMessage;
                return Page();
        }
    }
}
