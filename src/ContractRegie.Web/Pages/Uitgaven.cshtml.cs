using ContractRegie.Core.Common;
using ContractRegie.Data;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>Financiën's view: budget against spending for a year, and how many lines need a second look.</summary>
[Authorize(Policy = Policies.FinanceRead)]
public sealed class UitgavenModel(SpendingRepository spending, SpendingOptions options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Jaar { get; set; }
    [BindProperty(SupportsGet = true)] public ReconciliationGrouping Per { get; set; } = ReconciliationGrouping.Contract;

    public int Year { get; private set; }
    public IReadOnlyList<ReconciliationRow> Rows { get; private set; } = [];
    public int ExceptionCount { get; private set; }
    /// <summary>From here on the nightly job warns; the page marks the same rows.</summary>
    public decimal NearlyExhaustedPercent => options.NearlyExhaustedPercent;

    public async Task OnGetAsync()
    {
        var today = time.Today();
        Year = Jaar is >= 2000 and <= 2100 ? Jaar.Value : today.Year;
        Rows = await spending.ReconcileAsync(new ReconciliationFilter(Year, Per), today);
        ExceptionCount = (await spending.SearchExceptionsAsync(new SpendingExceptionFilter(Year: Year), new PageRequest(1, 1))).TotalCount;
    }
}
