using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ContractRegie.Web.Pages.Charts;

/// <summary>
/// What every chart is wrapped in: a figure with an inline SVG that names itself (title and description) and the
/// same numbers as a table for screen readers, so no chart library and no script runs in the browser.
/// </summary>
public static class ChartFrame
{
    public const int MinimumWidth = 480;
    public const int Height = 240;
    public const double Left = 80, Right = 104, Top = 16, Bottom = 40;
    public const double PlotHeight = Height - Top - Bottom;

    /// <summary>The plot's width for <paramref name="slots"/> bars or points: wider than the minimum when each needs room for its label.</summary>
    public static double PlotWidth(int slots, double perSlot) => Math.Max(MinimumWidth - Left - Right, slots * perSlot);

    public static IHtmlContent Render(string id, string title, string description, string cssClass, double plotWidth, string svgBody,
        IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var width = N(Left + plotWidth + Right);
        var html = new StringBuilder();
        html.Append($"<figure class=\"chart {cssClass}\" id=\"{Encode(id)}\">");
        html.Append($"<svg role=\"img\" viewBox=\"0 0 {width} {Height}\" width=\"{width}\" height=\"{Height}\" aria-labelledby=\"{Encode(id)}-title {Encode(id)}-desc\">");
        html.Append($"<title id=\"{Encode(id)}-title\">{Encode(title)}</title><desc id=\"{Encode(id)}-desc\">{Encode(description)}</desc>");
        html.Append(svgBody);
        html.Append("</svg>");
        html.Append($"<figcaption aria-hidden=\"true\">{Encode(title)}</figcaption>");
        html.Append($"<table class=\"visually-hidden\"><caption>{Encode(title)}</caption><thead><tr>");
        foreach (var header in headers)
        {
            html.Append($"<th scope=\"col\">{Encode(header)}</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i == 0 ? $"<th scope=\"row\">{Encode(row[i])}</th>" : $"<td>{Encode(row[i])}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></figure>");
        return new HtmlString(html.ToString());
    }

    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>An SVG coordinate: invariant, one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A horizontal reference line across the plot with its label at the right.</summary>
    public static string ReferenceLine(ValueScale scale, double plotWidth, decimal value, string label, string cssClass) =>
        $"<line class=\"{cssClass}\" x1=\"{N(Left)}\" x2=\"{N(Left + plotWidth)}\" y1=\"{N(scale.Y(value))}\" y2=\"{N(scale.Y(value))}\" />"
        + $"<text class=\"{cssClass}-label\" x=\"{N(Left + plotWidth + 4)}\" y=\"{N(scale.Y(value) + 4)}\">{Encode(label)}</text>";

    /// <summary>The value axis: its lowest and highest value written at the left, and the zero line when zero is inside.</summary>
    public static string Axis(ValueScale scale, double plotWidth, Func<decimal, string> format)
    {
        var axis = new StringBuilder();
        axis.Append($"<line class=\"axis\" x1=\"{N(Left)}\" x2=\"{N(Left)}\" y1=\"{N(Top)}\" y2=\"{N(Top + PlotHeight)}\" />");
        axis.Append($"<line class=\"axis\" x1=\"{N(Left)}\" x2=\"{N(Left + plotWidth)}\" y1=\"{N(scale.Y(0))}\" y2=\"{N(scale.Y(0))}\" />");
        foreach (var value in new[] { scale.Min, scale.Max }.Distinct())
        {
            axis.Append($"<text class=\"tick\" x=\"{N(Left - 6)}\" y=\"{N(scale.Y(value) + 4)}\" text-anchor=\"end\">{Encode(format(value))}</text>");
        }
        return axis.ToString();
    }

    /// <summary>About the width of a character of a tick label (11px sans-serif), to tell whether a label fits its slot.</summary>
    private const double TickCharWidth = 6.5;

    /// <summary>
    /// A label under the plot at <paramref name="x"/>. One wider than <paramref name="maxWidth"/> is broken at its last space
    /// that fits onto a second line (the bottom margin holds two), so neighbouring labels do not run into each other.
    /// </summary>
    public static string XLabel(double x, string label, double maxWidth = double.MaxValue)
    {
        var fits = (int)(maxWidth / TickCharWidth);
        var split = label.Length <= fits ? -1 : label.LastIndexOf(' ', Math.Min(fits, label.Length - 1));
        split = split > 0 ? split : label.Length <= fits ? -1 : label.IndexOf(' ', StringComparison.Ordinal);
        var y = N(Top + PlotHeight + 16);
        return split <= 0
            ? $"<text class=\"tick\" x=\"{N(x)}\" y=\"{y}\" text-anchor=\"middle\">{Encode(label)}</text>"
            : $"<text class=\"tick\" x=\"{N(x)}\" y=\"{y}\" text-anchor=\"middle\">{Encode(label[..split])}"
              + $"<tspan x=\"{N(x)}\" dy=\"13\">{Encode(label[(split + 1)..])}</tspan></text>";
    }
}

/// <summary>Maps values onto the plot's height; the range always holds zero, so bars grow from the zero line.</summary>
public sealed record ValueScale(decimal Min, decimal Max)
{
    public static ValueScale Over(IEnumerable<decimal> values)
    {
        var all = values.Append(0m).ToList();
        var (min, max) = (all.Min(), all.Max());
        return min == max ? new ValueScale(min, min + 1) : new ValueScale(min, max);
    }

    public double Y(decimal value) =>
        ChartFrame.Top + ChartFrame.PlotHeight * (double)((Max - value) / (Max - Min));
}
