namespace ContractRegie.Core.Spending;

/// <summary>
/// Why a spending line needs a second look (DESIGN.md "Reconciliation"). A line without a matching contract is a
/// lawfulness risk for the rechtmatigheidsverantwoording.
/// </summary>
public enum SpendingExceptionKind
{
    NoMatchingContract,
    AmountDeviatesFromTariff,
    DeliveryOutsideContractPeriod,
    DuplicateDeclaration,
}

/// <summary>One exception on a line, with the facts in Dutch.</summary>
public sealed record SpendingException(SpendingExceptionKind Kind, string Reason);
