using ContractRegie.Core.Common;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Contracts;

/// <summary>What a recorded renewal decision does to the contract's signals: which it answers, and the one a late extension raises.</summary>
public static class RenewalDecisionSignals
{
    /// <summary>
    /// The kinds of open contract signals a decision answers. Any decision answers "besluit nodig" and "verlopen zonder
    /// besluit"; ending or converting the contract also takes away the need to procure again.
    /// </summary>
    public static IReadOnlySet<SignalKind> AnsweredBy(RenewalDecisionKind decision) => decision switch
    {
        RenewalDecisionKind.Beeindigen or RenewalDecisionKind.Omzetten =>
            new HashSet<SignalKind> { SignalKind.DecisionDue, SignalKind.ContractExpiredWithoutDecision, SignalKind.ProcurementMustStart },
        _ => new HashSet<SignalKind> { SignalKind.DecisionDue, SignalKind.ContractExpiredWithoutDecision },
    };

    /// <summary>The resolution note on the signals a decision answers.</summary>
    public static string ResolutionNote(RenewalDecision decision) =>
        $"Afgehandeld door het besluit '{decision.Decision}' van {DutchFormat.Date(decision.DecidedOn)} (vastgelegd door {decision.DecidedBy}).";

    /// <summary>
    /// The signal to the contract owner (else the contractmanager) that an extension was decided after the deadline
    /// <paramref name="deadline"/>; null for a decision in time.
    /// </summary>
    public static SignalDraft? ForLateDecision(Contract contract, RenewalDecision decision, DateOnly deadline) =>
        decision.LateJustification is not { } justification ? null
            : new SignalDraft(SignalKind.LateRenewalDecision, SignalSeverity.High, SignalSubjects.Contract, contract.Id,
                $"Contract {contract.ContractNumber} is na de uiterste besluitdatum verlengd",
                $"Besluit '{decision.Decision}' van {DutchFormat.Date(decision.DecidedOn)} door {decision.DecidedBy}; de uiterste besluitdatum "
                + $"was {DutchFormat.Date(deadline)}. Verantwoording: {justification}",
                DedupeKeys.LateRenewalDecision(contract.Id, decision.Id), 0, contract.ContractOwner ?? contract.ContractManager);
}
