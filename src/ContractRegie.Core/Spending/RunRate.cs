using ContractRegie.Core.Common;

namespace ContractRegie.Core.Spending;

/// <summary>
/// The year-end projection at the current run-rate (DESIGN.md "Reconciliation"). A contract runs from
/// <see cref="From"/> to <see cref="To"/> in the year (its start, not 1 January, when it starts in the year; its current
/// end when that falls in the year). Declarations come in late, so only spending delivered up to
/// <see cref="ObservedUpTo"/> (the reconciliation date minus the declaration lag) sets the rate: that spending per
/// observed day, over every day the contract runs in the year. The projection is never below what is already spent;
/// before anything is observed, or once the whole run is, it is what is spent.
/// </summary>
public sealed record RunRate(DateOnly From, DateOnly To, DateOnly ObservedUpTo)
{
    /// <summary>The whole calendar year, every declaration in by <paramref name="asOf"/>.</summary>
    public static RunRate WholeYear(int year, DateOnly asOf) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), asOf);

    /// <summary>A contract running <paramref name="start"/> to <paramref name="end"/>, observed up to <paramref name="asOf"/> − <paramref name="lagDays"/>.</summary>
    public static RunRate For(int year, DateOnly start, DateOnly end, DateOnly asOf, int lagDays)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return new RunRate(start > first ? start : first, end < last ? end : last, asOf.AddDays(-lagDays));
    }

    /// <param name="spentCents">All spending of the year.</param>
    /// <param name="observedCents">The part of it delivered by <see cref="ObservedUpTo"/>.</param>
    public long Project(long spentCents, long observedCents)
    {
        var runDays = Days.Inclusive(From, To);
        var observedDays = Math.Clamp(Days.Inclusive(From, ObservedUpTo), 0, Math.Max(runDays, 0));
        if (observedDays == 0 || observedDays == runDays)
        {
            return spentCents;
        }
        var projected = (long)decimal.Round((decimal)observedCents * runDays / observedDays, 0, MidpointRounding.AwayFromZero);
        return Math.Max(spentCents, projected);
    }
}
