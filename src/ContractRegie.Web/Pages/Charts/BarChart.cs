using System.Text;
using Microsoft.AspNetCore.Html;
using static ContractRegie.Web.Pages.Charts.ChartFrame;

namespace ContractRegie.Web.Pages.Charts;

/// <summary>One bar: its label under the axis, its value, and the value as people read it.</summary>
public sealed record Bar(string Label, decimal Value, string Text);

/// <summary>A horizontal line a bar is measured against (a norm, a budget), with the name it shows at the right.</summary>
public sealed record Reference(string Label, decimal Value, string CssClass);

/// <summary>Vertical bars against zero and reference lines, server-rendered (see <see cref="ChartFrame"/>).</summary>
public sealed record BarChart(string Id, string Title, string Description, string ValueHeader, IReadOnlyList<Bar> Bars,
    IReadOnlyList<Reference> References, Func<decimal, string> Format)
{
    public IHtmlContent Render()
    {
        var scale = ValueScale.Over(Bars.Select(b => b.Value).Concat(References.Select(r => r.Value)));
        // A bar's slot holds its label (a year, a contract number and municipality) without running into the next.
        var plotWidth = PlotWidth(Bars.Count, 110);
        var svg = new StringBuilder(Axis(scale, plotWidth, Format));
        var slot = plotWidth / Math.Max(Bars.Count, 1);
        var width = Math.Min(slot * 0.6, 60);
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var (y0, y1) = (scale.Y(0), scale.Y(bar.Value));
            var x = Left + slot * i + (slot - width) / 2;
            svg.Append($"<rect class=\"bar{(bar.Value < 0 ? " negative" : "")}\" x=\"{N(x)}\" y=\"{N(Math.Min(y0, y1))}\" width=\"{N(width)}\" height=\"{N(Math.Max(Math.Abs(y0 - y1), 1))}\">");
            svg.Append($"<title>{Encode(bar.Label)}: {Encode(bar.Text)}</title></rect>");
            svg.Append(XLabel(x + width / 2, bar.Label, slot - 8));
        }
        foreach (var reference in References)
        {
            svg.Append(ReferenceLine(scale, plotWidth, reference.Value, reference.Label, reference.CssClass));
        }
        var rows = Bars.Select(b => (IReadOnlyList<string>)[b.Label, b.Text])
            .Concat(References.Select(r => (IReadOnlyList<string>)[r.Label, Format(r.Value)]));
        return ChartFrame.Render(Id, Title, Description, "bar-chart", plotWidth, svg.ToString(), ["", ValueHeader], rows);
    }
}
