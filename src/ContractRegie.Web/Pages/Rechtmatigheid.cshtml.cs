using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>The rechtmatigheidsverantwoording of a year per law, as the API and its CSV export give it.</summary>
[Authorize(Policy = Policies.FinanceRead)]
public sealed class RechtmatigheidModel(SpendingRepository spending, SpendingOptions options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Jaar { get; set; }

    public int Year { get; private set; }
    public IReadOnlyList<LawfulnessYear> Laws { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Year = Jaar is >= 2000 and <= 2100 ? Jaar.Value : time.Today().Year;
        Laws = await spending.ReadLawfulnessAsync(Year, options.LawfulnessThresholdPercent);
    }
}
