using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using ContractRegie.Web.Apis.Contracts;

namespace ContractRegie.Web.Pages.Contracten;

public sealed class TarievenModel(ContractRepository contracts, ContractTermsRepository terms)
    : ContractTermPage<TariffForm, TariffInput, TariffLine>(contracts, terms, ContractTerms.Tariffs)
{
    public override string Heading => "Tarieven";
    public override string Singular => "tarief";
    public override string NewHeading => "Nieuw tarief";
    protected override long IdOf(TariffLine item) => item.Id;
}
