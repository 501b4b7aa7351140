using System.Text;
using Microsoft.AspNetCore.Html;
using static ContractRegie.Web.Pages.Charts.ChartFrame;

namespace ContractRegie.Web.Pages.Charts;

/// <summary>One line of a <see cref="LineChart"/>: a value per point on the x axis, null where the line has no value.</summary>
public sealed record LineSeries(string Name, string CssClass, IReadOnlyList<decimal?> Values);

/// <summary>Lines over labelled points (months) against reference lines, server-rendered (see <see cref="ChartFrame"/>).</summary>
public sealed record LineChart(string Id, string Title, string Description, IReadOnlyList<string> Points, IReadOnlyList<LineSeries> Series,
    IReadOnlyList<Reference> References, Func<decimal, string> Format)
{
    public IHtmlContent Render()
    {
        var scale = ValueScale.Over(Series.SelectMany(s => s.Values.OfType<decimal>()).Concat(References.Select(r => r.Value)));
        var plotWidth = PlotWidth(Points.Count, 40);
        var svg = new StringBuilder(Axis(scale, plotWidth, Format));
        var step = plotWidth / Math.Max(Points.Count, 1);
        double X(int i) => Left + step * i + step / 2;
        for (var i = 0; i < Points.Count; i++)
        {
            svg.Append(XLabel(X(i), Points[i]));
        }
        foreach (var reference in References)
        {
            svg.Append(ReferenceLine(scale, plotWidth, reference.Value, reference.Label, reference.CssClass));
        }
        foreach (var series in Series)
        {
            var coordinates = series.Values
                .Select((value, i) => value is { } v ? $"{N(X(i))},{N(scale.Y(v))}" : null)
                .OfType<string>()
                .ToList();
            if (coordinates.Count > 0)
            {
                svg.Append($"<polyline class=\"line {series.CssClass}\" points=\"{string.Join(' ', coordinates)}\"><title>{Encode(series.Name)}</title></polyline>");
            }
        }
        svg.Append(Legend());
        var rows = Points.Select((point, i) => (IReadOnlyList<string>)[point, .. Series.Select(s => s.Values[i] is { } v ? Format(v) : "—")]);
        var headers = (IReadOnlyList<string>)["", .. Series.Select(s => s.Name)];
        var referenceRows = References.Select(r => (IReadOnlyList<string>)[r.Label, .. Series.Select(_ => Format(r.Value))]);
        return ChartFrame.Render(Id, Title, Description, "line-chart", plotWidth, svg.ToString(), headers, rows.Concat(referenceRows));
    }

    private string Legend()
    {
        var legend = new StringBuilder();
        for (var i = 0; i < Series.Count; i++)
        {
            var y = Top + 8 + i * 16;
            legend.Append($"<line class=\"line {Series[i].CssClass}\" x1=\"{N(Left + 8)}\" x2=\"{N(Left + 28)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" />");
            legend.Append($"<text class=\"tick\" x=\"{N(Left + 32)}\" y=\"{N(y + 4)}\">{Encode(Series[i].Name)}</text>");
        }
        return legend.ToString();
    }
}
