using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Contracten;

public sealed class DetailModel(ContractRepository contracts, ContractTermsRepository terms) : PageModel
{
    public Contract? Contract { get; private set; }
    public IReadOnlyList<RenewalDecision> Decisions { get; private set; } = [];
    public IReadOnlyList<TariffLine> Tariffs { get; private set; } = [];
    public IReadOnlyList<BudgetCeiling> Budgets { get; private set; } = [];
    public IReadOnlyList<OutcomeAgreement> Agreements { get; private set; } = [];

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
        return Page();
    }
}
