using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>
/// An error as a page in the site's layout for people (the API answers problem+json instead); the status code pages
/// and the exception handler re-execute here with the code, and the original status stays on the response.
/// </summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class FoutModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => (Title, Explanation) = code switch
    {
        403 => ("Geen toegang", "U heeft geen rol waarmee u deze pagina mag zien. Vraag de beheerder om de juiste rol."),
        404 => ("Pagina niet gevonden", "Deze pagina bestaat niet (meer). Misschien is de link verouderd of is het adres verkeerd getypt."),
        429 => ("Te veel verzoeken", "U heeft kort na elkaar te veel verzoeken gedaan. Wacht een minuut en probeer het dan opnieuw."),
        >= 500 => ("Er ging iets mis", "Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het misgaan, meld het dan bij de beheerder."),
        _ => ("Dat lukte niet", "Het verzoek kon niet worden verwerkt."),
    };

    // Re-executed POSTs (a failed form) must render too; antiforgery was already checked or failed on the original.
    public void OnPost(int code) => OnGet(code);
}
