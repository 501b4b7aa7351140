using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>Where a signed-in user lands after being refused a page; the refusal itself was the redirect.</summary>
public sealed class GeenToegangModel : PageModel
{
    public void OnGet()
    {
    }
}
