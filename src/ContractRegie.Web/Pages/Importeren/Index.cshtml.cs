using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Importeren;

/// <summary>The imports the signed-in user may do; someone who may do none is refused.</summary>
public sealed class IndexModel(IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<ImportChoice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Choices = await ImportChoice.AllowedAsync(authorization, User);
        return Choices.Count == 0 ? Forbid() : Page();
    }
}
