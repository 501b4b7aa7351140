using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Uitgaven;

/// <summary>The spending lines that need a second look, on screen: filtered by kind, contract and year, a page at a time.</summary>
[Authorize(Policy = Policies.FinanceRead)]
public sealed class UitzonderingenModel(SpendingRepository spending, ContractRepository contracts, TimeProvider time) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Jaar { get; set; }
    [BindProperty(SupportsGet = true)] public SpendingExceptionKind? Soort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Contract { get; set; }
    // From the query alone: Razor Pages' own route value "page" (the page's path) would win over it otherwise.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public int Year { get; private set; }
    public Page<SpendingExceptionLine> Lines { get; private set; } = new([], 1, PageSize, 0);
    /// <summary>Set when the contract number typed is in no contract; the list is then empty rather than unfiltered.</summary>
    public bool UnknownContract { get; private set; }

    public async Task OnGetAsync()
    {
        Year = Jaar is >= 2000 and <= 2100 ? Jaar.Value : time.Today().Year;
        long? contractId = null;
        if (!string.IsNullOrWhiteSpace(Contract))
        {
            contractId = await contracts.ReadIdByNumberAsync(Contract.Trim());
            UnknownContract = contractId is null;
        }
        if (!UnknownContract)
        {
            Lines = await spending.SearchExceptionsAsync(new SpendingExceptionFilter(Soort, contractId, Year: Year),
                PageRequest.Within(PageNumber, PageSize));
        }
    }

    public static string Signed(SpendingExceptionLine line) => Money.Format(line.DebetCredit == "C" ? -line.AmountCents : line.AmountCents);
}
