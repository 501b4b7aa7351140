using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Providers;
using ContractRegie.Core.Signals;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Jobs;
using ContractRegie.Web.Pages.Charts;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>One provider at a glance: its data, contracts, financial risk over the years, outcomes, spending and open signals.</summary>
public sealed class ZorgaanbiederModel(
    ProviderRepository providers, ContractRepository contracts, ContractTermsRepository terms, FinancialStatementRepository statements,
    OutcomeMeasurementRepository measurements, Reconciler reconciler, SignalRepository signals, JobsOptions jobs,
    SpendingOptions spendingOptions, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    private const int MaxSignals = 50;

    public Provider? Provider { get; private set; }
    public IReadOnlyList<Contract> Contracts { get; private set; } = [];
    public FinancialAssessment? Assessment { get; private set; }
    public IReadOnlyList<BarChart> RatioCharts { get; private set; } = [];
    public IReadOnlyList<(Contract Contract, OutcomeResult Result)> Outcomes { get; private set; } = [];
    public int Year { get; private set; }
    public IReadOnlyList<ReconciliationRow> Spending { get; private set; } = [];
    public BarChart? SpendingChart { get; private set; }
    public IReadOnlyList<Signal> OpenSignals { get; private set; } = [];
    public decimal NearlyExhaustedPercent => spendingOptions.NearlyExhaustedPercent;
    /// <summary>Spending is financiën's (and the readers'): the same policy as /uitgaven.</summary>
    public bool MaySeeSpending { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        Provider = await providers.ReadByIdAsync(id);
        if (Provider is null)
        {
            return NotFound();
        }
        var today = time.Today();
        Year = today.Year;
        Contracts = (await contracts.SearchAsync(new ContractFilter { ProviderId = id }, new PageRequest(1, PageRequest.MaxPageSize))).Items;

        var filed = await statements.ReadByProviderAsync(id);
        Assessment = FinancialStability.Assess(filed, today, jobs.FinancialNorms);
        RatioCharts = RatioChartsOf(Provider, FinancialStability.History(filed).Reverse().ToList(), jobs.FinancialNorms);

        var outcomes = new List<(Contract, OutcomeResult)>();
        foreach (var contract in Contracts)
        {
            var results = OutcomeResult.Of(await terms.ReadAgreementsAsync(contract.Id), await measurements.ReadByContractAsync(contract.Id));
            outcomes.AddRange(results.Select(result => (contract, result)));
        }
        Outcomes = outcomes;

        MaySeeSpending = (await authorization.AuthorizeAsync(User, Policies.FinanceRead)).Succeeded;
        if (MaySeeSpending)
        {
            Spending = await reconciler.ReconcileAsync(new ReconciliationFilter(Year, ProviderId: id), today);
            SpendingChart = SpendingChartOf(Spending.Where(row => row.ExhaustionPercent is not null).ToList());
        }

        var open = (await signals.SearchAsync(new SignalFilter(SubjectType: "provider", SubjectId: id, Unresolved: true), new PageRequest(1, MaxSignals), SignalOrder.Urgency)).Items.ToList();
        foreach (var contract in Contracts)
        {
            open.AddRange((await signals.SearchAsync(new SignalFilter(SubjectType: "contract", SubjectId: contract.Id, Unresolved: true), new PageRequest(1, MaxSignals), SignalOrder.Urgency)).Items);
        }
        OpenSignals = open.OrderByDescending(s => s.Severity).ThenBy(s => s.DueOn ?? DateOnly.MaxValue).ToList();
        return Page();
    }

    /// <summary>A ratio as the charts show it: its name, how to read it from a year's ratios, its norm, and how to write it.</summary>
    private sealed record RatioLine(string Name, Func<FinancialRatios, decimal?> Value, IReadOnlyList<Reference> Norms, Func<decimal, string> Format);

    private static IReadOnlyList<BarChart> RatioChartsOf(Provider provider, IReadOnlyList<YearRatios> history, FinancialNorms norms)
    {
        RatioLine[] lines =
        [
            new("Solvabiliteit", r => r.Solvency, NormLines(norms.Solvency, Percent), Percent),
            new("Current ratio", r => r.CurrentRatio, NormLines(norms.CurrentRatio, Ratio), Ratio),
            new("Rentabiliteit", r => r.Profitability, NormLines(norms.Profitability, Percent), Percent),
            new("Weerstandsvermogen", r => r.Resilience, NormLines(norms.Resilience, Percent), Percent),
            new("Afhankelijkheid van de gemeente", r => r.Dependency, [new Reference($"grens {Percent(norms.DependencyLimit)}", norms.DependencyLimit, "norm-risk")], Percent),
        ];
        return lines.Select((line, i) =>
        {
            var bars = history.Where(y => line.Value(y.Ratios) is not null)
                .Select(y => new Bar(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Value(y.Ratios)!.Value, line.Format(line.Value(y.Ratios)!.Value)))
                .ToList();
            var description = bars.Count == 0
                ? $"Geen jaarrekening met een {line.Name.ToLowerInvariant()} van {provider.Name}."
                : $"{line.Name} van {provider.Name} per boekjaar: " + string.Join(", ", bars.Select(b => $"{b.Label} {b.Text}"))
                  + ". Normen: " + string.Join(", ", line.Norms.Select(n => n.Label)) + ".";
            return new BarChart($"ratio-{i}", line.Name, description, line.Name, bars, line.Norms, line.Format);
        }).ToList();
    }

    private static IReadOnlyList<Reference> NormLines(RatioNorm norm, Func<decimal, string> format) =>
        [new($"goed vanaf {format(norm.Fine)}", norm.Fine, "norm-fine"), new($"risico onder {format(norm.Risk)}", norm.Risk, "norm-risk")];

    private BarChart SpendingChartOf(IReadOnlyList<ReconciliationRow> rows)
    {
        var bars = rows.Select(row => new Bar(BudgetTableModel.Label(row), row.ExhaustionPercent!.Value, DutchFormat.Number(row.ExhaustionPercent.Value) + " %")).ToList();
        var description = bars.Count == 0
            ? $"Geen contract van {Provider!.Name} met een budgetplafond in {Year}."
            : $"Uitputting van het budget {Year} per contract en gemeente: " + string.Join(", ", bars.Select(b => $"{b.Label} {b.Text}")) + ".";
        return new BarChart("spending-chart", $"Uitputting budget {Year}", description, "Uitputting", bars,
            [new("budget 100 %", 100, "norm-risk"), new($"bijna op {DutchFormat.Number(NearlyExhaustedPercent)} %", NearlyExhaustedPercent, "norm-warn")],
            value => DutchFormat.Number(value) + " %");
    }

    private static string Percent(decimal value) => DutchFormat.Number(decimal.Round(value * 100, 1)) + " %";

    private static string Ratio(decimal value) => DutchFormat.Number(decimal.Round(value, 2));
}
