using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>The register as the tactisch inkoper reads it: what ends, what must be decided, when procurement must start.</summary>
public sealed class IndexModel(ContractRepository contracts, TimeProvider time) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ContractKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Law? Law { get; set; }
    [BindProperty(SupportsGet = true)] public ContractStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DecisionDueBefore { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<Contract> Contracts { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync()
    {
        var filter = new ContractFilter
        {
            Text = string.IsNullOrWhiteSpace(Q) ? null : Q,
            Kind = Kind,
            Law = Law,
            Status = Status,
            DecisionDueBefore = DecisionDueBefore,
        };
        Contracts = await contracts.SearchAsync(filter, new PageRequest(Math.Max(PageNumber, 1), PageSize));
    }

    /// <summary>Past deadlines in red, those within three months in orange.</summary>
    public string Urgency(DateOnly? deadline)
    {
        var today = time.Today();
        return deadline switch
        {
            null => "",
            { } date when date < today => "overdue",
            { } date when date <= today.AddMonths(3) => "due-soon",
            _ => "",
        };
    }

    public string PageLink(int page) =>
        Request.Path + QueryString.Create(Request.Query.Where(q => q.Key != "page")
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
