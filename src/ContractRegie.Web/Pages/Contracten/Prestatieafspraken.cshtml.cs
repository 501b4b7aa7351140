using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using ContractRegie.Web.Apis.Contracts;

namespace ContractRegie.Web.Pages.Contracten;

public sealed class PrestatieafsprakenModel(ContractRepository contracts, ContractTermsRepository terms)
    : ContractTermPage<AgreementForm, OutcomeAgreementInput, OutcomeAgreement>(contracts, terms, ContractTerms.Agreements)
{
    public override string Heading => "Prestatieafspraken";
    public override string Singular => "prestatieafspraak";
    public override string NewHeading => "Nieuwe prestatieafspraak";
    protected override long IdOf(OutcomeAgreement item) => item.Id;
}
