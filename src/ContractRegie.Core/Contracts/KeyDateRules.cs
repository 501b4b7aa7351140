using ContractRegie.Core.Common;

namespace ContractRegie.Core.Contracts;

/// <summary>The key-date and lifecycle rules of a contract: dates and a decision in, dates and a status out.</summary>
public static class KeyDateRules
{
    public static KeyDates For(Contract contract)
    {
        var exercisedMonths = contract.ExtensionOptions.Where(o => o.Exercised).Sum(o => o.DurationMonths);
        var allMonths = contract.ExtensionOptions.Sum(o => o.DurationMonths);
        var currentEnd = MonthArithmetic.AddMonths(contract.InitialEndDate, exercisedMonths);
        var maximumEnd = MonthArithmetic.AddMonths(contract.InitialEndDate, allMonths);
        var nextOption = contract.ExtensionOptions.FirstOrDefault(o => !o.Exercised);
        var decided = IsNotExtendDecision(contract.LatestDecision);

        // Not extending needs the new procurement under way, so a long lead time moves the deadline forward.
        DecisionDeadlineBasis? basis = nextOption is null || decided ? null
            : contract.NoticePeriodMonths >= contract.ProcurementLeadTimeMonths ? DecisionDeadlineBasis.NoticePeriod
            : DecisionDeadlineBasis.ProcurementLeadTime;
        DateOnly? decisionDeadline = basis switch
        {
            DecisionDeadlineBasis.NoticePeriod => MonthArithmetic.AddMonths(currentEnd, -contract.NoticePeriodMonths),
            DecisionDeadlineBasis.ProcurementLeadTime => MonthArithmetic.AddMonths(currentEnd, -contract.ProcurementLeadTimeMonths),
            _ => null,
        };

        DateOnly? procurementStart = contract.LatestDecision switch
        {
            RenewalDecisionKind.Beeindigen or RenewalDecisionKind.Omzetten => null,
            RenewalDecisionKind.OpnieuwAanbesteden => MonthArithmetic.AddMonths(currentEnd, -contract.ProcurementLeadTimeMonths),
            _ => MonthArithmetic.AddMonths(maximumEnd, -contract.ProcurementLeadTimeMonths),
        };

        return new KeyDates(currentEnd, maximumEnd, decisionDeadline, procurementStart, decided ? null : nextOption)
        {
            RemainingOptions = decided ? 0 : contract.ExtensionOptions.Count(o => !o.Exercised),
            DecisionDeadlineSetBy = basis,
        };
    }

    /// <summary>
    /// The status a contract has on <paramref name="today"/>: past its current end it is
    /// <see cref="ContractStatus.Beeindigd"/> when it was decided not to extend, otherwise
    /// <see cref="ContractStatus.Verlopen"/> (nobody decided). Concept and Beeindigd stay as they are.
    /// </summary>
    public static ContractStatus StatusOn(Contract contract, DateOnly today)
    {
        if (contract.Status is ContractStatus.Concept or ContractStatus.Beeindigd)
        {
            return contract.Status;
        }
        if (today <= For(contract).CurrentEnd)
        {
            return ContractStatus.Actief;
        }
        return IsNotExtendDecision(contract.LatestDecision) ? ContractStatus.Beeindigd : ContractStatus.Verlopen;
    }

    /// <summary>
    /// Applies a renewal decision taken on <paramref name="today"/>: "verlengen" exercises the next option. Returns the
    /// contract as it is after the decision, or an error in Dutch when the decision is not possible. An extension after
    /// the current end is always refused (it would be a new direct award); one after the decision deadline only passes
    /// with a <paramref name="lateJustification"/>, and is then marked late.
    /// </summary>
    public static DecisionOutcome Decide(Contract contract, RenewalDecisionKind decision, DateOnly today, string? lateJustification = null)
    {
        if (contract.Status == ContractStatus.Beeindigd)
        {
            return DecisionOutcome.Rejected("Over een beëindigd contract kan geen besluit meer worden genomen.");
        }
        if (today < contract.StartDate)
        {
            return DecisionOutcome.Rejected($"Een besluit kan niet vóór de start van het contract ({DutchFormat.Date(contract.StartDate)}) worden genomen.");
        }
        var updated = contract with { LatestDecision = decision };
        int? exercised = null;
        DateOnly? missed = null;
        if (decision == RenewalDecisionKind.Verlengen)
        {
            // A change of mind after "opnieuw aanbesteden" may still exercise an option the contract has left.
            var next = contract.ExtensionOptions.FirstOrDefault(o => !o.Exercised);
            if (next is null)
            {
                return DecisionOutcome.Rejected("Er is geen verlengingsoptie meer over.");
            }
            var keyDates = For(contract with { LatestDecision = null });
            if (today > keyDates.CurrentEnd)
            {
                return DecisionOutcome.Rejected(
                    $"Het contract is op {DutchFormat.Date(keyDates.CurrentEnd)} afgelopen en kan niet meer worden verlengd: dat zou een nieuwe "
                    + "opdracht zonder aanbesteding zijn. Start een nieuwe aanbesteding (besluit Opnieuw aanbesteden).");
            }
            missed = keyDates.DecisionDeadline is { } deadline && today > deadline ? deadline : null;
            if (missed is { } passed && string.IsNullOrWhiteSpace(lateJustification))
            {
                return DecisionOutcome.Rejected(
                    $"De uiterste besluitdatum ({DutchFormat.Date(passed)}) is verstreken. Verlengen kan alleen nog met een "
                    + "verantwoording waarom het besluit te laat is (lateJustification).");
            }
            updated = updated with
            {
                ExtensionOptions = contract.ExtensionOptions
                    .Select(o => o.Sequence == next.Sequence ? o with { Exercised = true } : o)
                    .ToList(),
            };
            exercised = next.Sequence;
        }
        if (updated.Status != ContractStatus.Concept)
        {
            updated = updated with { Status = StatusOn(updated with { Status = ContractStatus.Actief }, today) };
        }
        return DecisionOutcome.Accepted(updated, exercised, missed);
    }

    private static bool IsNotExtendDecision(RenewalDecisionKind? decision) =>
        decision is RenewalDecisionKind.OpnieuwAanbesteden or RenewalDecisionKind.Beeindigen or RenewalDecisionKind.Omzetten;
}

/// <param name="MissedDeadline">The decision deadline an extension was accepted after, on a justification; null when in time.</param>
public sealed record DecisionOutcome(Contract? Contract, int? ExercisedOptionSequence, DateOnly? MissedDeadline, string? Error)
{
    public bool Late => MissedDeadline is not null;

    public static DecisionOutcome Accepted(Contract contract, int? exercised, DateOnly? missedDeadline) => new(contract, exercised, missedDeadline, null);
    public static DecisionOutcome Rejected(string error) => new(null, null, null, error);
}
