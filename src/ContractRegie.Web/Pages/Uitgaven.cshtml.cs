using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>Financiën's view: budget against spending for a year, and how many lines need a second look.</summary>
[Authorize(Policy = Policies.FinanceRead)]
public sealed class UitgavenModel(SpendingRepository spending, ReconciliationPages reconciliation, SpendingOptions options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Jaar { get; set; }
    [BindProperty(SupportsGet = true)] public ReconciliationGrouping Per { get; set; } = ReconciliationGrouping.Contract;
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "contract";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    // From the query alone: Razor Pages' own route value "page" (the page's path) would win over it otherwise.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    /// <summary>Only rows whose budget is nearly used up or exceeded.</summary>
    [BindProperty(SupportsGet = true, Name = "bijnaop")] public bool NearlyExhaustedOnly { get; set; }
    /// <summary>Rows with nothing spent are left out unless asked for: a budget nobody touched is rarely the question.</summary>
    [BindProperty(SupportsGet = true, Name = "nullen")] public bool WithUnspent { get; set; }

    private const int PageSize = 50;

    /// <summary>The sortable columns by their URL name; a tie keeps the reconciliation's own order.</summary>
    private static readonly IReadOnlyDictionary<string, Func<ReconciliationRow, IComparable?>> Columns =
        new Dictionary<string, Func<ReconciliationRow, IComparable?>>(StringComparer.OrdinalIgnoreCase)
        {
            ["contract"] = r => r.ContractNumber,
            ["aanbieder"] = r => r.ProviderName,
            ["budget"] = r => r.BudgetCents,
            ["besteed"] = r => r.SpentCents,
            ["prognose"] = r => r.ProjectedCents,
            ["uitputting"] = r => r.ExhaustionPercent,
            ["verplicht"] = r => r.CommittedCents,
            ["ruimte"] = r => r.RoomCents,
            ["uitzonderingen"] = r => r.ExceptionCount,
        };

    public int Year { get; private set; }
    public Page<ReconciliationRow> Rows { get; private set; } = new([], 1, PageSize, 0);
    public int ExceptionCount { get; private set; }
    /// <summary>The sums over every row the filters keep, not only this page's.</summary>
    public BudgetPosition Totals { get; private set; } = new(0, null, 0, 0, null);
    public int TotalRows => Rows.TotalCount;
    /// <summary>From here on the nightly job warns; the page marks the same rows.</summary>
    public decimal NearlyExhaustedPercent => options.NearlyExhaustedPercent;

    public async Task OnGetAsync()
    {
        var today = time.Today();
        Year = Jaar is >= 2000 and <= 2100 ? Jaar.Value : today.Year;
        var key = Columns.GetValueOrDefault(Sort, Columns["contract"]);
        var direction = Desc ? -1 : 1;
        var order = Comparer<ReconciliationRow>.Create((a, b) =>
        {
            var byKey = Comparer<IComparable?>.Default.Compare(key(a), key(b)) * direction;
            return byKey != 0 ? byKey : Reconciliation.Order.Compare(a, b);
        });
        var read = await reconciliation.ReadAsync(new ReconciliationFilter(Year, Per), today, PageRequest.Within(PageNumber, PageSize),
            r => (WithUnspent || r.SpentCents != 0) && (!NearlyExhaustedOnly || r.ExhaustionPercent >= NearlyExhaustedPercent), order);
        Rows = read.Rows;
        Totals = read.Totals;
        ExceptionCount = (await spending.SearchExceptionsAsync(new SpendingExceptionFilter(Year: Year), new PageRequest(1, 1))).TotalCount;
    }
}
