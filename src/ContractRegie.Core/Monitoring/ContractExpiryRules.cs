using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Monitoring;

/// <summary>
/// The daily contract check: key dates against horizons before each deadline, and contracts that ran past their
/// end without a decision. Dates in, signals out.
/// </summary>
public static class ContractExpiryRules
{
    /// <summary>Months before a deadline at which the responsible people are reminded (DESIGN.md).</summary>
    public static readonly IReadOnlyList<int> DefaultHorizons = [12, 6, 3, 1];

    /// <summary>The signals for one contract on <paramref name="today"/>; its status is computed on read, not stored here.</summary>
    public static IReadOnlyList<SignalDraft> Evaluate(Contract contract, DateOnly today, IReadOnlyList<int> horizons)
    {
        if (contract.Status is ContractStatus.Concept or ContractStatus.Beeindigd)
        {
            return [];
        }
        var keyDates = contract.KeyDates;
        var signals = new List<SignalDraft>();
        var status = KeyDateRules.StatusOn(contract, today);
        if (status == ContractStatus.Verlopen)
        {
            signals.Add(new SignalDraft(SignalKind.ContractExpiredWithoutDecision, SignalSeverity.Critical, SignalSubjects.Contract, contract.Id,
                $"Contract {contract.ContractNumber} is verlopen zonder besluit",
                $"Het contract liep tot {DutchFormat.Date(keyDates.CurrentEnd)} en er is geen besluit over verlengen of opnieuw aanbesteden vastgelegd.",
                DedupeKeys.ExpiredWithoutDecision(contract.Id, keyDates.CurrentEnd), 0, contract.ContractManager, keyDates.CurrentEnd));
        }
        else
        {
            AddDeadline(signals, contract, SignalKind.DecisionDue, keyDates.DecisionDeadline, today, horizons,
                deadline => $"Besluit over verlenging van {contract.ContractNumber} uiterlijk {DutchFormat.Date(deadline)}",
                deadline => $"Huidig einde {DutchFormat.Date(keyDates.CurrentEnd)}; de datum volgt uit {keyDates.DecisionDeadlineSetBy?.Describe(contract)}; "
                            + $"volgende optie: {keyDates.NextOption?.DurationMonths} maanden. Uiterste besluitdatum {DutchFormat.Date(deadline)}.",
                contract.ContractManager);
            AddDeadline(signals, contract, SignalKind.ProcurementMustStart, keyDates.ProcurementStartDeadline, today, horizons,
                deadline => $"Nieuwe aanbesteding voor {contract.ContractNumber} uiterlijk starten op {DutchFormat.Date(deadline)}",
                deadline => $"Uiterlijk einde {DutchFormat.Date(keyDates.MaximumEnd)}, doorlooptijd aanbesteding {contract.ProcurementLeadTimeMonths} maanden; "
                            + $"start uiterlijk {DutchFormat.Date(deadline)}.",
                contract.ContractManager);
        }
        return signals;
    }

    /// <summary>
    /// The stage of a deadline on <paramref name="today"/>: the smallest horizon (in months) it lies within,
    /// 0 once it has passed, or null while it is further away than the largest horizon.
    /// </summary>
    public static int? StageOf(DateOnly deadline, DateOnly today, IReadOnlyList<int> horizons)
    {
        if (today > deadline)
        {
            return 0;
        }
        int? stage = null;
        foreach (var months in horizons.Order())
        {
            if (today >= MonthArithmetic.AddMonths(deadline, -months))
            {
                stage ??= months;
            }
        }
        return stage;
    }

    private static void AddDeadline(List<SignalDraft> signals, Contract contract, SignalKind kind, DateOnly? deadline, DateOnly today,
        IReadOnlyList<int> horizons, Func<DateOnly, string> title, Func<DateOnly, string> facts, string? recipient)
    {
        if (deadline is not { } date || StageOf(date, today, horizons) is not { } stage)
        {
            return;
        }
        var severity = stage switch
        {
            0 => SignalSeverity.Critical,
            <= 1 => SignalSeverity.High,
            <= 3 => SignalSeverity.Warning,
            _ => SignalSeverity.Info,
        };
        var when = stage == 0 ? "De datum is verstreken." : $"Nog minder dan {stage} maanden.";
        signals.Add(new SignalDraft(kind, severity, SignalSubjects.Contract, contract.Id, title(date), facts(date) + " " + when,
            DedupeKeys.Deadline(kind, contract.Id, date), stage, recipient, date));
    }

}
