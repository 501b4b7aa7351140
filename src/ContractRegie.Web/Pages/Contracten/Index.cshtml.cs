using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Web.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Contracten;

/// <summary>The register as the tactisch inkoper reads it: what ends, what must be decided, when procurement must start.</summary>
public sealed class IndexModel(ContractRepository contracts, TimeProvider time) : PageModel
{
    private const int PageSize = 50;

    /// <summary>The sortable columns by their URL name.</summary>
    public static readonly IReadOnlyDictionary<string, ContractOrder> Columns = new Dictionary<string, ContractOrder>(StringComparer.OrdinalIgnoreCase)
    {
        ["nummer"] = ContractOrder.Number,
        ["aanbieder"] = ContractOrder.Provider,
        ["einde"] = ContractOrder.CurrentEnd,
        ["besluit"] = ContractOrder.DecisionDeadline,
        ["aanbesteding"] = ContractOrder.ProcurementStart,
        ["status"] = ContractOrder.Status,
    };

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ContractKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Law? Law { get; set; }
    [BindProperty(SupportsGet = true)] public ContractStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? ContractManager { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DecisionDueBefore { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "nummer";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<Contract> Contracts { get; private set; } = new([], 1, PageSize, 0);

    public DateOnly Today => time.Today();

    private ContractFilter Filter => new()
    {
        Text = string.IsNullOrWhiteSpace(Q) ? null : Q,
        Kind = Kind,
        Law = Law,
        Status = Status,
        ContractManager = string.IsNullOrWhiteSpace(ContractManager) ? null : ContractManager.Trim(),
        DecisionDueBefore = DecisionDueBefore,
    };

    private ContractOrder Order => Columns.GetValueOrDefault(Sort, ContractOrder.Number);

    public async Task OnGetAsync()
    {
        Contracts = await contracts.SearchAsync(Filter, PageRequest.Within(PageNumber, PageSize), Order, Desc);
    }

    /// <summary>The whole register as filtered and ordered here, with its key dates, as CSV or .xlsx.</summary>
    public Task<IActionResult> OnGetExportAsync(string? format) => ExportResponse.FromPageAsync(Response, format, async () =>
        ContractExport.Of($"contractregister-{Today:yyyy-MM-dd}", (await contracts.SearchAsync(Filter, new PageRequest(1, int.MaxValue), Order, Desc)).Items));
}
