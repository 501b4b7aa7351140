using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>Signing out is a POST (with the antiforgery token of the layout's form); a GET just goes home.</summary>
public sealed class UitloggenModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await SessionCookie.SignOutAsync(HttpContext);
        return Redirect("/inloggen");
    }
}
