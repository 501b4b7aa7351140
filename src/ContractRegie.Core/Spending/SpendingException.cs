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
    /// <summary>The same invoice number again, or the same client, product and period declared again (any number).</summary>
    DuplicateDeclaration,
    /// <summary>Declared for a municipality the matched contract does not cover.</summary>
    MunicipalityNotCovered,
    /// <summary>A credit that reverses no declared line of the same client, product and period, or one of another amount.</summary>
    CreditReversesNothing,
    /// <summary>No allocation of the municipality for this provider, client, product and period.</summary>
    NoAllocation,
    /// <summary>More volume declared, over all declarations, than the allocation allows up to the end of the delivery.</summary>
    VolumeBeyondAllocation,
    /// <summary>An allocation covers the line, but under another ToewijzingNummer than the line gives.</summary>
    AllocationNumberMismatch,
}

/// <summary>One exception on a line, with the facts in Dutch.</summary>
public sealed record SpendingException(SpendingExceptionKind Kind, string Reason);
