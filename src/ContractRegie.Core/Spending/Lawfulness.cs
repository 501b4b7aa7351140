using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Spending;

/// <summary>How an exception counts in the rechtmatigheidsverantwoording.</summary>
public enum LawfulnessClass { Unlawful, Uncertain }

/// <summary>Spending of one year and law that has an exception of one kind: its signed amount and number of lines.</summary>
public sealed record LawfulnessAmount(SpendingExceptionKind Kind, LawfulnessClass Class, long AmountCents, int LineCount);

/// <summary>The raw figures of one year and law: all spending, and per exception kind (null for clean lines) the signed sum.</summary>
public sealed record LawfulnessTotal(Law Law, SpendingExceptionKind? Kind, long AmountCents, int LineCount);

/// <summary>
/// The rechtmatigheidsverantwoording of one year and law (DESIGN.md "Reconciliation"): total spent, the amount per
/// exception kind, and whether the unlawful plus uncertain amount exceeds the reporting threshold, a percentage of the
/// total spent set by the council (Spending:LawfulnessThresholdPercent).
/// </summary>
public sealed record LawfulnessYear(
    int Year, Law Law, long SpentCents, IReadOnlyList<LawfulnessAmount> Amounts, long UnlawfulCents, long UncertainCents,
    decimal ThresholdPercent, long ThresholdCents, bool ExceedsThreshold)
{
    /// <summary>
    /// Care without a legal basis is unlawful (fout): no contract, delivery outside it, a municipality it does not cover,
    /// no allocation or beyond it, declared twice. Where the right amount or basis cannot yet be told it is uncertain
    /// (onzekerheid): a price off the tariff, another ToewijzingNummer, a credit that matches nothing.
    /// </summary>
    public static LawfulnessClass ClassOf(SpendingExceptionKind kind) => kind switch
    {
        SpendingExceptionKind.AmountDeviatesFromTariff or SpendingExceptionKind.AllocationNumberMismatch
            or SpendingExceptionKind.CreditReversesNothing => LawfulnessClass.Uncertain,
        _ => LawfulnessClass.Unlawful,
    };

    /// <summary>
    /// One entry per law present in <paramref name="totals"/>. Amounts per kind are signed (credit minus); the unlawful and
    /// uncertain totals add each kind by its size. Sums are made in decimal, so nothing overflows on the way; the threshold
    /// is rounded to whole cents half away from zero, and it is exceeded when unlawful plus uncertain is more than it.
    /// </summary>
    public static IReadOnlyList<LawfulnessYear> Compute(int year, IEnumerable<LawfulnessTotal> totals, decimal thresholdPercent) =>
        totals.GroupBy(t => t.Law).OrderBy(g => g.Key).Select(perLaw =>
        {
            var spent = Sum(perLaw.Select(t => t.AmountCents));
            var amounts = perLaw.Where(t => t.Kind is not null)
                .GroupBy(t => t.Kind!.Value)
                .Select(g => new LawfulnessAmount(g.Key, ClassOf(g.Key), Sum(g.Select(t => t.AmountCents)), g.Sum(t => t.LineCount)))
                .OrderBy(a => a.Kind)
                .ToList();
            // A credit that matches nothing is as uncertain as a debet: per kind the amount counts by its size.
            var unlawful = Sum(amounts.Where(a => a.Class == LawfulnessClass.Unlawful).Select(a => Math.Abs(a.AmountCents)));
            var uncertain = Sum(amounts.Where(a => a.Class == LawfulnessClass.Uncertain).Select(a => Math.Abs(a.AmountCents)));
            var threshold = (long)decimal.Round(Math.Abs((decimal)spent) * thresholdPercent / 100m, 0, MidpointRounding.AwayFromZero);
            var exceeds = (decimal)unlawful + uncertain > threshold;
            return new LawfulnessYear(year, perLaw.Key, spent, amounts, unlawful, uncertain, thresholdPercent, threshold, exceeds);
        }).ToList();

    private static long Sum(IEnumerable<long> cents) => (long)cents.Aggregate(0m, (sum, c) => sum + c);
}
