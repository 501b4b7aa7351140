namespace ContractRegie.Web.Pages.Charts;

/// <summary>A bar on a lane from one date to another, e.g. the running term or the room the options leave.</summary>
public sealed record TimelineBar(DateOnly From, DateOnly Until, string CssClass, string Label);

/// <summary>A date on a lane drawn as a mark, e.g. a deadline; <see cref="Square"/> tells it apart without colour.</summary>
public sealed record TimelineMark(DateOnly Date, string CssClass, string Label, bool Square = false);

/// <summary>One row of the timeline, with the numbers the visually hidden table repeats for screen readers.</summary>
public sealed record TimelineLane(string Label, IReadOnlyList<TimelineBar> Bars, IReadOnlyList<TimelineMark> Marks, IReadOnlyList<string> Cells);

/// <summary>
/// A timeline drawn as inline SVG by Charts/_TimelineChart.cshtml: a title and description for assistive technology,
/// lanes with bars and marks on a month grid, a legend, and the same numbers as a visually hidden table.
/// </summary>
public sealed record TimelineChart(string Id, string Title, string Description, TimelineScale Scale, IReadOnlyList<TimelineLane> Lanes, IReadOnlyList<string> TableHeaders)
{
    public const double LabelWidth = 150;
    public const double ChartWidth = 800;
    public const double AxisHeight = 28;
    public const double LaneHeight = 24;

    public double Height => AxisHeight + Lanes.Count * LaneHeight + 8;

    public double LaneTop(int index) => AxisHeight + index * LaneHeight;

    /// <summary>A scale of <paramref name="months"/> months from <paramref name="from"/> over the chart's drawing width.</summary>
    public static TimelineScale ScaleOf(DateOnly from, int months) =>
        TimelineScale.Months(from, months, LabelWidth, ChartWidth - LabelWidth - 10);
}
