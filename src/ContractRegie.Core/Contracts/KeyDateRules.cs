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

        DateOnly? decisionDeadline = nextOption is not null && !decided
            ? MonthArithmetic.AddMonths(currentEnd, -contract.NoticePeriodMonths)
            : null;

        DateOnly? procurementStart = contract.LatestDecision switch
        {
            RenewalDecisionKind.Beeindigen or RenewalDecisionKind.Omzetten => null,
            RenewalDecisionKind.OpnieuwAanbesteden => MonthArithmetic.AddMonths(currentEnd, -contract.ProcurementLeadTimeMonths),
            _ => MonthArithmetic.AddMonths(maximumEnd, -contract.ProcurementLeadTimeMonths),
        };

        return new KeyDates(currentEnd, maximumEnd, decisionDeadline, procurementStart, decided ? null : nextOption)
        {
            RemainingOptions = decided ? 0 : contract.ExtensionOptions.Count(o => !o.Exercised),
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

    public static bool IsDecisionOverdue(Contract contract, DateOnly today) =>
        For(contract).DecisionDeadline is { } deadline && today > deadline;

    /// <summary>
    /// Applies a renewal decision: "verlengen" exercises the next option. Returns the contract as it is
    /// after the decision, or an error in Dutch when the decision is not possible.
    /// </summary>
    public static DecisionOutcome Decide(Contract contract, RenewalDecisionKind decision, DateOnly today)
    {
        if (contract.Status == ContractStatus.Beeindigd)
        {
            return DecisionOutcome.Rejected("Over een beëindigd contract kan geen besluit meer worden genomen.");
        }
        var updated = contract with { LatestDecision = decision };
        int? exercised = null;
        if (decision == RenewalDecisionKind.Verlengen)
        {
            // A change of mind after "opnieuw aanbesteden" may still exercise an option the contract has left.
            var next = contract.ExtensionOptions.FirstOrDefault(o => !o.Exercised);
            if (next is null)
            {
                return DecisionOutcome.Rejected("Er is geen verlengingsoptie meer over.");
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
        return DecisionOutcome.Accepted(updated, exercised);
    }

    private static bool IsNotExtendDecision(RenewalDecisionKind? decision) =>
        decision is RenewalDecisionKind.OpnieuwAanbesteden or RenewalDecisionKind.Beeindigen or RenewalDecisionKind.Omzetten;
}

public sealed record DecisionOutcome(Contract? Contract, int? ExercisedOptionSequence, string? Error)
{
    public static DecisionOutcome Accepted(Contract contract, int? exercised) => new(contract, exercised, null);
    public static DecisionOutcome Rejected(string error) => new(null, null, error);
}
