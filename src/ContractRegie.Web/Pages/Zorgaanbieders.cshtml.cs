using ContractRegie.Core.Providers;
using ContractRegie.Data;
using ContractRegie.Data.Providers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

public sealed class ZorgaanbiedersModel(ProviderRepository providers) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<Provider> Providers { get; private set; } = new([], 1, 50, 0);

    public async Task OnGetAsync() =>
        Providers = await providers.SearchAsync(new ProviderFilter(string.IsNullOrWhiteSpace(Q) ? null : Q), new PageRequest(Math.Max(PageNumber, 1), 50));
}
