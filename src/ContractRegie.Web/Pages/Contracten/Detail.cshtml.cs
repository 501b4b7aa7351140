using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Signals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Contracten;

public sealed class DetailModel(
    ContractRepository contracts, ContractTermsRepository terms, OutcomeMeasurementRepository measurements, SignalRepository signals) : PageModel
{
    public Contract? Contract { get; private set; }
    public IReadOnlyList<RenewalDecision> Decisions { get; private set; } = [];
    public IReadOnlyList<TariffLine> Tariffs { get; private set; } = [];
    public IReadOnlyList<BudgetCeiling> Budgets { get; private set; } = [];
    public IReadOnlyList<OutcomeAgreement> Agreements { get; private set; } = [];
    public IReadOnlyList<Signal> Signals { get; private set; } = [];
    /// <summary>Per indicator the measurement of the latest period.</summary>
    public IReadOnlyDictionary<string, OutcomeMeasurement> LatestMeasurements { get; private set; } = new Dictionary<string, OutcomeMeasurement>();

    public async Task<IActionResult> OnGetAsync(long id)
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
        LatestMeasurements = (await measurements.ReadByContractAsync(id))
            .GroupBy(m => m.Indicator)
            .ToDictionary(g => g.Key, g => g.MaxBy(m => ReportingPeriod.Parse(m.Period).End)!);
        Signals = (await signals.SearchAsync(new SignalFilter(SubjectType: "contract", SubjectId: id), new PageRequest(1, 50))).Items;
        return Page();
    }
}
