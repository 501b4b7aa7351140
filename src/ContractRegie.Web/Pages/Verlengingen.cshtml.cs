using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Web.Exports;
using ContractRegie.Web.Apis.Contracts;
using ContractRegie.Web.Pages.Charts;
using ContractRegie.Web.Pages.Contracten;
using ContractRegie.Web.Pages.Labels;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>
/// The tactisch inkoper's renewal planner: every contract still to plan with its key dates (from Core) on a timeline
/// of the next 24 months, most urgent first, and the renewal decision recorded from here with the contract page's form.
/// </summary>
public sealed class VerlengingenModel(ContractRepository contracts, RenewalDecisions decisions, IAuthorizationService authorization, TimeProvider time)
    : PageModel
{
    public const int Months = 24;
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? TactischInkoper { get; set; }
    [BindProperty(SupportsGet = true)] public string? ContractManager { get; set; }
    [BindProperty(SupportsGet = true)] public Law? Law { get; set; }
    [BindProperty(SupportsGet = true)] public ContractKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public ProcurementRoute? Route { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    /// <summary>The contract whose decision form is open.</summary>
    [BindProperty(SupportsGet = true)] public long? Decide { get; set; }

    [BindProperty] public RenewalDecisionKind? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DecidingBody? DecidingBody { get; set; }
    [BindProperty] public string? LateJustification { get; set; }

    private RenewalDecisionInput Input => new(Decision, DecidingBody, Reason, LateJustification);

    public Page<Contract> Contracts { get; private set; } = new([], 1, PageSize, 0);
    public DateOnly Today => time.Today();
    public bool MayDecide { get; private set; }
    public RenewalDecisionForm? DecisionForm { get; private set; }

    public ContractFilter Filter => new()
    {
        TactischInkoper = Trimmed(TactischInkoper),
        ContractManager = Trimmed(ContractManager),
        Law = Law,
        Kind = Kind,
        MunicipalityCode = Trimmed(Municipality),
        ProcurementRoute = Route,
        WithoutEnded = true,
    };

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostDecideAsync() => Decide is { } id
        ? await RenewalDecisionForm.PostAsync(this, decisions, authorization, id, Input,
            // Back to the planner as it was, filters and page kept, the form closed.
            () => Redirect(ListLinks.With(Request, ("handler", null), ("decide", null))), ShowAsync)
        : NotFound();

    /// <summary>The whole planner as filtered here, most urgent first, as CSV or .xlsx.</summary>
    public Task<IActionResult> OnGetExportAsync(string? format) => ExportResponse.FromPageAsync(Response, format, async () =>
        ContractExport.Of($"verlengingen-{Today:yyyy-MM-dd}", (await contracts.SearchAsync(Filter, new PageRequest(1, int.MaxValue), ContractOrder.NextDeadline)).Items));

    /// <summary>The timeline of the contracts on this page: the running term, the options left, and both deadlines.</summary>
    public TimelineChart Timeline()
    {
        var lanes = Contracts.Items.Select(contract =>
        {
            var keyDates = contract.KeyDates;
            var bars = new List<TimelineBar> { new(Today, keyDates.CurrentEnd, "term", $"Looptijd tot {DutchDates.Format(keyDates.CurrentEnd)}") };
            if (keyDates.RemainingOptions > 0)
            {
                bars.Add(new(keyDates.CurrentEnd, keyDates.MaximumEnd, "options",
                    $"{DutchLabels.Count(keyDates.RemainingOptions, "optie", "opties")} tot {DutchDates.Format(keyDates.MaximumEnd)}"));
            }
            var marks = new List<TimelineMark>();
            if (keyDates.DecisionDeadline is { } decision)
            {
                marks.Add(new(decision, "decision", $"Uiterste besluitdatum {DutchDates.Format(decision)}{Passed(decision)}"));
            }
            if (keyDates.ProcurementStartDeadline is { } procurement)
            {
                marks.Add(new(procurement, "procurement", $"Start aanbesteding uiterlijk {DutchDates.Format(procurement)}{Passed(procurement)}", Square: true));
            }
            return new TimelineLane(contract.ContractNumber, bars, marks,
            [
                DutchDates.Format(keyDates.CurrentEnd),
                DutchLabels.Count(keyDates.RemainingOptions, "optie", "opties") + " tot " + DutchDates.Format(keyDates.MaximumEnd),
                DutchDates.Format(keyDates.DecisionDeadline),
                DutchDates.Format(keyDates.ProcurementStartDeadline),
            ]);
        }).ToList();
        return new TimelineChart("timeline", $"Verlengingen de komende {Months} maanden",
            $"Per contract de lopende looptijd (balk), de resterende opties (lichte balk), de uiterste besluitdatum (rondje) en "
            + $"de uiterste start van de nieuwe aanbesteding (vierkantje), van {DutchDates.Format(Today)} tot "
            + $"{DutchDates.Format(MonthArithmetic.AddMonths(Today, Months))}.",
            TimelineChart.ScaleOf(Today, Months), lanes,
            ["Contract", "Huidig einde", "Opties", "Uiterste besluitdatum", "Start aanbesteding"]);
    }

    private async Task<IActionResult> ShowAsync()
    {
        Contracts = await contracts.SearchAsync(Filter, PageRequest.Within(PageNumber, PageSize), ContractOrder.NextDeadline);
        MayDecide = (await authorization.AuthorizeAsync(User, Policies.RenewalDecision)).Succeeded;
        if (MayDecide && Decide is { } id)
        {
            if (await contracts.ReadByIdAsync(id) is not { } contract)
            {
                return NotFound();
            }
            DecisionForm = new RenewalDecisionForm(contract, ListLinks.With(Request, ("handler", "Decide")),
                Input, ModelState);
        }
        return Page();
    }

    private string Passed(DateOnly deadline) => deadline < Today ? " (verstreken)" : "";

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
