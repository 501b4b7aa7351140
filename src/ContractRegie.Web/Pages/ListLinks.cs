using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractRegie.Web.Pages;

/// <summary>
/// Links of a list page that keep its filters in the URL: the same query with one thing changed (page, sort order),
/// and column headers that sort by that column, ascending first, and say so to screen readers.
/// </summary>
public static class ListLinks
{
    public const string SortKey = "sort";
    public const string DescendingKey = "desc";
    public const string PageKey = "page";

    /// <summary>The current path and query with <paramref name="changes"/> applied; a null value removes the key.</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var keys = changes.Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = request.Query
            .Where(q => !keys.Contains(q.Key))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Concat(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    public static string Page(HttpRequest request, int page) => With(request, (PageKey, page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A column header that sorts by <paramref name="column"/>; clicking the sorted column reverses it.</summary>
    public static IHtmlContent SortHeader(HttpRequest request, string label, string column, string currentSort, bool descending) =>
        SortHeader(request, currentSort, descending, (label, column));

    /// <summary>
    /// The header of a column whose cells show one thing above another (a contract's number above its provider): a sort link
    /// for each, in the same order.
    /// </summary>
    public static IHtmlContent SortHeader(HttpRequest request, string currentSort, bool descending, params (string Label, string Column)[] sorts)
    {
        var th = new TagBuilder("th");
        th.Attributes["scope"] = "col";
        for (var i = 0; i < sorts.Length; i++)
        {
            var (label, column) = sorts[i];
            var sorted = string.Equals(column, currentSort, StringComparison.OrdinalIgnoreCase);
            if (sorted)
            {
                th.Attributes["aria-sort"] = descending ? "descending" : "ascending";
            }
            if (i > 0)
            {
                th.InnerHtml.AppendHtml("<br>");
            }
            th.InnerHtml.AppendHtml(SortLink(request, label, column, sorted, descending));
        }
        return th;
    }

    private static TagBuilder SortLink(HttpRequest request, string label, string column, bool sorted, bool descending)
    {
        var link = new TagBuilder("a");
        link.Attributes["href"] = With(request, (SortKey, column), (DescendingKey, sorted && !descending ? "true" : null), (PageKey, null));
        link.InnerHtml.Append(label);
        if (sorted)
        {
            var arrow = new TagBuilder("span");
            arrow.Attributes["aria-hidden"] = "true";
            arrow.InnerHtml.Append(descending ? " ▼" : " ▲");
            link.InnerHtml.AppendHtml(arrow);
        }
        return link;
    }
}
