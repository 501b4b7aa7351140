using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Spending;

/// <summary>One municipality's budget of a contract in a year, with its position.</summary>
public sealed record ContractBudget(long ContractId, string ContractNumber, string? ContractManager, string MunicipalityCode, BudgetPosition Position);

/// <summary>The exceptions of one kind on one contract (or, without a contract, one provider) in one year, added up.</summary>
public sealed record ExceptionGroup(
    SpendingExceptionKind Kind, long? ContractId, string? ContractNumber, string? ContractManager, string ProviderAgbCode, int Year,
    int LineCount, long SignedCents, long FirstLineId);

/// <summary>
/// What the nightly spending reconciliation signals (DESIGN.md "Signal"): a budget nearly exhausted or exceeded, to the
/// contract's contractmanager, and spending that is a lawfulness risk. Dedupe keys name the condition, so a nightly
/// run raises each once and afterwards only updates its figures.
/// </summary>
public static class SpendingSignalRules
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Null while the budget is below <paramref name="nearlyExhaustedPercent"/> (or there is none).</summary>
    public static SignalDraft? ForBudget(ContractBudget budget, decimal nearlyExhaustedPercent)
    {
        var position = budget.Position;
        var level = position.Level(nearlyExhaustedPercent);
        if (level == BudgetLevel.WithinBudget)
        {
            return null;
        }
        var exceeded = level == BudgetLevel.Exceeded;
        var where = $"{budget.ContractNumber} ({Municipalities.Name(budget.MunicipalityCode)}, {position.Year})";
        return new SignalDraft(
            exceeded ? SignalKind.BudgetExceeded : SignalKind.BudgetNearlyExhausted,
            exceeded ? SignalSeverity.High : SignalSeverity.Warning,
            SignalSubjects.Contract, budget.ContractId,
            exceeded ? $"Budget overschreden: {where}" : $"Budget bijna op: {where}",
            $"Besteed {Money.Format(position.SpentCents)} van {Money.Format(position.BudgetCents!.Value)} ({position.ExhaustionPercent!.Value.ToString("#,##0.0", Dutch)} %); "
            + $"prognose tot jaareinde bij het huidige tempo {Money.Format(position.ProjectedCents)}.",
            DedupeKeys.Budget(exceeded, budget.ContractId, budget.MunicipalityCode, position.Year),
            0, budget.ContractManager);
    }

    public static SignalDraft ForExceptions(ExceptionGroup group)
    {
        var (subjectType, subjectId, about) = group.ContractId is { } contractId
            ? (SignalSubjects.Contract, contractId, $"contract {group.ContractNumber}")
            : (SignalSubjects.SpendingLine, group.FirstLineId, $"zorgaanbieder {group.ProviderAgbCode}");
        return new SignalDraft(SignalKind.UnlawfulSpending, SignalSeverity.High, subjectType, subjectId,
            $"Onrechtmatige uitgaven ({Describe(group.Kind)}): {about}, {group.Year}",
            $"{group.LineCount} {(group.LineCount == 1 ? "regel" : "regels")} van {group.Year} met samen {Money.Format(group.SignedCents)}: {Describe(group.Kind)}. "
            + "Zie de uitzonderingen bij de afstemming van uitgaven.",
            DedupeKeys.UnlawfulSpending(group.Kind, group.ContractId, group.ProviderAgbCode, group.Year),
            0, group.ContractManager);
    }

    private static string Describe(SpendingExceptionKind kind) => kind switch
    {
        SpendingExceptionKind.NoMatchingContract => "geen passend contract",
        SpendingExceptionKind.AmountDeviatesFromTariff => "bedrag wijkt af van het tarief",
        SpendingExceptionKind.DeliveryOutsideContractPeriod => "levering buiten de looptijd",
        SpendingExceptionKind.MunicipalityNotCovered => "gemeente niet in het contract",
        SpendingExceptionKind.CreditReversesNothing => "creditering zonder passende debetregel",
        SpendingExceptionKind.NoAllocation => "geen toewijzing",
        SpendingExceptionKind.VolumeBeyondAllocation => "meer dan toegewezen",
        SpendingExceptionKind.AllocationNumberMismatch => "ander toewijzingnummer",
        _ => "dubbel gedeclareerd",
    };
}
