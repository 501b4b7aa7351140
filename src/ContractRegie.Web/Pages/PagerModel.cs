using ContractRegie.Data;

namespace ContractRegie.Web.Pages;

/// <summary>Where a list page is: page n of m, or page n of a list not counted to its end (see Shared/_Pager.cshtml).</summary>
public sealed record PagerModel(int PageNumber, int? TotalPages, bool HasNext)
{
    public static PagerModel Of<T>(Page<T> page) => new(page.PageNumber, page.TotalIsExact ? Math.Max(page.TotalPages, 1) : null, page.HasNext);
}
