using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;

namespace ContractRegie.Web.Pages.Charts;

/// <summary>The chart of one contract's year: cumulative spending per month against its budget and the projection.</summary>
public static class SpendingCharts
{
    private static readonly string[] MonthNames = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static LineChart Cumulative(string contractNumber, int year, IReadOnlyList<SpendingMonth> months, long? budgetCents)
    {
        var spent = months.Select(m => m.CumulativeCents is { } c ? Money.ToEuros(c) : (decimal?)null).ToList();
        var projected = months.Select(m => m.ProjectedCents is { } p ? Money.ToEuros(p) : (decimal?)null).ToList();
        var lastSpent = months.LastOrDefault(m => m.CumulativeCents is not null)?.CumulativeCents;
        var yearEnd = months[^1].ProjectedCents ?? months[^1].CumulativeCents;
        var description = $"Uitgaven van {contractNumber} in {year}, opgeteld per maand: "
                          + (lastSpent is { } s ? $"tot nu {Money.Format(s)}" : "nog niets besteed")
                          + (yearEnd is { } e ? $", prognose jaareinde {Money.Format(e)}" : "")
                          + (budgetCents is { } b ? $", budget {Money.Format(b)}." : ", geen budgetplafond.");
        return new LineChart("spending-per-month", $"Uitgaven {year} per maand, cumulatief", description, MonthNames,
            [new("Besteed (cumulatief)", "spent", spent), new("Prognose", "projected", projected)],
            budgetCents is { } budget ? [new Reference("budget", Money.ToEuros(budget), "norm-risk")] : [],
            value => Money.Format(Money.FromEuros(value)));
    }
}
