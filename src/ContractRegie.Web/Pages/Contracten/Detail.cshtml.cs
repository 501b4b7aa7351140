using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Apis.Contracts;
using ContractRegie.Web.Pages.Charts;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Contracten;

public sealed class DetailModel(
    ContractRepository contracts, ContractTermsRepository terms, OutcomeMeasurementRepository measurements, SignalRepository signals,
    RenewalDecisions decisions, IAuthorizationService authorization, ProviderRiskRepository risks, SpendingRepository spending, Reconciler reconciler,
    SpendingOptions spendingOptions, TimeProvider time) : PageModel
{
    public Contract? Contract { get; private set; }
    public IReadOnlyList<RenewalDecision> Decisions { get; private set; } = [];
    public IReadOnlyList<TariffLine> Tariffs { get; private set; } = [];
    public IReadOnlyList<BudgetCeiling> Budgets { get; private set; } = [];
    public IReadOnlyList<OutcomeAgreement> Agreements { get; private set; } = [];
    public IReadOnlyList<Signal> Signals { get; private set; } = [];
    /// <summary>Per indicator the measurement of the latest period.</summary>
    public IReadOnlyDictionary<string, OutcomeMeasurement> LatestMeasurements { get; private set; } = new Dictionary<string, OutcomeMeasurement>();
    /// <summary>The financial-stability job's last assessment of the provider; null before its first run.</summary>
    public ProviderRisk? ProviderRisk { get; private set; }
    /// <summary>This year's budget against spending over all municipalities; null for those who may not see spending.</summary>
    public BudgetPosition? BudgetPosition { get; private set; }

    /// <summary>The year's budget per municipality of the contract, the most exhausted first (one row: the position says it all).</summary>
    public IReadOnlyList<ReconciliationRow> BudgetRows { get; private set; } = [];
    public LineChart? SpendingChart { get; private set; }
    public decimal NearlyExhaustedPercent => spendingOptions.NearlyExhaustedPercent;
    public bool MayDecide { get; private set; }
    public bool MayActOnSignals { get; private set; }

    /// <summary>The renewal decision form; kept as typed when it is refused.</summary>
    [BindProperty] public RenewalDecisionKind? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DecidingBody? DecidingBody { get; set; }
    [BindProperty] public string? LateJustification { get; set; }

    private RenewalDecisionInput Input => new(Decision, DecidingBody, Reason, LateJustification);

    public async Task<IActionResult> OnGetAsync(long id) => await ShowAsync(id);

    public Task<IActionResult> OnPostDecideAsync(long id) => RenewalDecisionForm.PostAsync(this, decisions, authorization, id,
        Input, () => RedirectToPage(new { id }), () => ShowAsync(id));

    /// <summary>The decision form with what was typed and its messages.</summary>
    public RenewalDecisionForm DecisionForm => new(Contract!, Url.Page("/Contracten/Detail", "Decide", new { id = Contract!.Id })!,
        Input, ModelState);

    private async Task<IActionResult> ShowAsync(long id)
    {
        Contract = await contracts.ReadByIdAsync(id);
        if (Contract is null)
        {
            return NotFound();
        }
        Decisions = await contracts.ReadDecisionsAsync(id);
        Tariffs = await terms.ReadTariffsAsync(id);
        Budgets = await terms.ReadBudgetsAsync(id);
        Agreements = await terms.ReadAgreementsAsync(id);
        LatestMeasurements = OutcomeMeasurement.LatestPerIndicator(await measurements.ReadByContractAsync(id));
        Signals = (await signals.SearchAsync(new SignalFilter(SubjectType: SignalSubjects.Contract, SubjectId: id), new PageRequest(1, 50), SignalOrder.Urgency)).Items;
        ProviderRisk = await risks.ReadAsync(Contract.ProviderId);
        if ((await authorization.AuthorizeAsync(User, Policies.FinanceRead)).Succeeded)
        {
            var today = time.Today();
            // The provider is known here, so the reconciliation need not look it up to read only that provider's rows.
            var rows = await reconciler.ReconcileAsync(new ReconciliationFilter(today.Year, ContractId: id, ProviderId: Contract.ProviderId), today);
            BudgetPosition = Reconciliation.Total(rows, today.Year);
            BudgetRows = [.. rows.OrderByDescending(row => row.ExhaustionPercent ?? decimal.MinValue)
                .ThenBy(row => row.MunicipalityCode is { } code ? Municipalities.Name(code) : "", StringComparer.Ordinal)];
            var months = CumulativeSpending.PerMonth(today.Year, await spending.ReadSpentPerDayAsync(id, today.Year), today, BudgetPosition.ProjectedCents);
            SpendingChart = SpendingCharts.Cumulative(Contract.ContractNumber, today.Year, months, BudgetPosition.BudgetCents);
        }
        MayDecide = (await authorization.AuthorizeAsync(User, Policies.RenewalDecision)).Succeeded;
        MayActOnSignals = (await authorization.AuthorizeAsync(User, Policies.ContractWrite)).Succeeded;
        return Page();
    }
}
