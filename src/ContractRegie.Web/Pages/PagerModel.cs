using ContractRegie.Data;

namespace ContractRegie.Web.Pages;

/// <summary>Where a list page is: page n of m (see Shared/_Pager.cshtml).</summary>
public sealed record PagerModel(int PageNumber, int TotalPages)
{
    public static PagerModel Of<T>(Page<T> page) => new(page.PageNumber, page.TotalPages);
}
