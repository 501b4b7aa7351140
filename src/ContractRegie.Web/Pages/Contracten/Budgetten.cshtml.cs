using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using ContractRegie.Web.Apis.Contracts;

namespace ContractRegie.Web.Pages.Contracten;

public sealed class BudgettenModel(ContractRepository contracts, ContractTermsRepository terms)
    : ContractTermPage<BudgetForm, BudgetInput, BudgetCeiling>(contracts, terms, ContractTerms.Budgets)
{
    public override string Heading => "Budgetplafonds";
    public override string Singular => "budgetplafond";
    public override string NewHeading => "Nieuw budgetplafond";
    protected override long IdOf(BudgetCeiling item) => item.Id;
}
