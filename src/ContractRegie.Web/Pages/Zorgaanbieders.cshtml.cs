using ContractRegie.Core.Providers;
using ContractRegie.Data;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

public sealed class ZorgaanbiedersModel(ProviderRepository providers, ProviderRiskRepository risks) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "naam";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    // From the query alone: Razor Pages' own route value "page" (the page's path) would win over it otherwise.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public static readonly IReadOnlyDictionary<string, ProviderOrder> Columns = new Dictionary<string, ProviderOrder>(StringComparer.OrdinalIgnoreCase)
    {
        ["naam"] = ProviderOrder.Name,
        ["agb"] = ProviderOrder.AgbCode,
        ["plaats"] = ProviderOrder.City,
        ["contractmanager"] = ProviderOrder.ContractManager,
    };

    public Page<Provider> Providers { get; private set; } = new([], 1, 50, 0);

    /// <summary>The financial-stability job's last assessment per provider id.</summary>
    public IReadOnlyDictionary<long, ProviderRisk> Risks { get; private set; } = new Dictionary<long, ProviderRisk>();

    public async Task OnGetAsync()
    {
        Providers = await providers.SearchAsync(new ProviderFilter(string.IsNullOrWhiteSpace(Q) ? null : Q), PageRequest.Within(PageNumber, 50),
            Columns.GetValueOrDefault(Sort, ProviderOrder.Name), Desc);
        Risks = await risks.ReadAllAsync();
    }
}
