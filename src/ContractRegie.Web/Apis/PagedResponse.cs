using ContractRegie.Data;
using Microsoft.AspNetCore.Http.Extensions;

namespace ContractRegie.Web.Apis;

public sealed record Link(string Href);

public sealed record PageLinks(Link Self, Link? First, Link? Prev, Link? Next, Link? Last);

/// <summary>
/// A page of a list with HAL-style links to its neighbours, as the API Design Rules suggest. When
/// <c>totalCountIsExact</c> is false the list matched more than <c>totalCount</c> (a contract search counts its matches
/// only so far): <c>totalCount</c> and <c>totalPages</c> are then lower bounds, <c>next</c> leads on and there is no <c>last</c>.
/// </summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, bool TotalCountIsExact, int TotalPages, PageLinks Links)
{
    public static PagedResponse<T> From(Page<T> page, HttpRequest request)
    {
        string At(int number)
        {
            var query = QueryString.Create(request.Query
                .Where(q => q.Key is not ("page" or "pageSize"))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("page", number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(new("pageSize", page.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            return UriHelper.BuildRelative(request.PathBase, request.Path, query);
        }

        var last = Math.Max(page.TotalPages, 1);
        var links = new PageLinks(
            new Link(At(page.PageNumber)),
            new Link(At(1)),
            page.PageNumber > 1 ? new Link(At(Math.Min(page.PageNumber - 1, last))) : null,
            page.HasNext ? new Link(At(page.PageNumber + 1)) : null,
            page.TotalIsExact ? new Link(At(last)) : null);
        return new PagedResponse<T>(page.Items, page.PageNumber, page.PageSize, page.TotalCount, page.TotalIsExact, page.TotalPages, links);
    }
}
