using ContractRegie.Core.Common;

namespace ContractRegie.Core.Spending;

/// <summary>A problem with one field of a spending line, in Dutch.</summary>
public sealed record SpendingLineProblem(SpendingLineField Field, string Message);

public enum SpendingLineField { Amount, Volume }

/// <summary>
/// The bounds a declared line must stay within to be imported. An amount above <see cref="MaxLineCents"/> (default
/// € 1.000.000) is no care a municipality declares per client and period but a typing or export error, and refusing it
/// keeps every sum over lines far inside 64 bits. The volume is bounded for the same reason: a year has 525.600 minutes.
/// </summary>
public sealed record SpendingLimits(long MaxLineCents)
{
    public const decimal MaxVolume = 1_000_000m;

    public static SpendingLimits Default { get; } = new(100_000_000);

    public IReadOnlyList<SpendingLineProblem> Check(SpendingLine line)
    {
        var problems = new List<SpendingLineProblem>();
        if (line.AmountCents > MaxLineCents)
        {
            problems.Add(new(SpendingLineField.Amount,
                $"Bedrag {Money.Format(line.AmountCents)} is hoger dan het maximum van {Money.Format(MaxLineCents)} per regel (Spending:MaxLineAmount)."));
        }
        if (line.Volume is < 0 or > MaxVolume)
        {
            problems.Add(new(SpendingLineField.Volume, $"Volume {DutchFormat.Number(line.Volume)} ligt niet tussen 0 en {DutchFormat.Number(MaxVolume)}."));
        }
        return problems;
    }
}
