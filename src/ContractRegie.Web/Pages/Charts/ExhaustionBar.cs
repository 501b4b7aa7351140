using Microsoft.AspNetCore.Html;
using static ContractRegie.Web.Pages.Charts.ChartFrame;

namespace ContractRegie.Web.Pages.Charts;

/// <summary>
/// The small bar of a table row: how much of the budget is used, full at 100 % and beyond. The number and its word
/// stand next to it (_ExhaustionBadge), so the bar itself is hidden from screen readers.
/// </summary>
public static class ExhaustionBar
{
    private const double Width = 100, Height = 10;

    public static IHtmlContent Render(decimal percent, decimal nearlyExhaustedPercent)
    {
        var level = percent >= 100 ? "exceeded" : percent >= nearlyExhaustedPercent ? "nearly" : "within";
        var filled = Width * (double)Math.Clamp(percent, 0, 100) / 100;
        return new HtmlString(
            $"<svg class=\"exhaustion-bar\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"{N(Width)}\" height=\"{N(Height)}\">"
            + $"<rect class=\"track\" width=\"{N(Width)}\" height=\"{N(Height)}\" /><rect class=\"bar {level}\" width=\"{N(filled)}\" height=\"{N(Height)}\" /></svg>");
    }
}
