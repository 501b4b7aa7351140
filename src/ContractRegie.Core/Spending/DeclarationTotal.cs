using ContractRegie.Core.Common;

namespace ContractRegie.Core.Spending;

/// <summary>
/// Checks a declaration's TotaalIngediendBedrag against its lines as they stream past: the lines, debet plus and
/// credit minus, must add up to the total with its own debet/credit sign.
/// </summary>
public sealed class DeclarationTotal
{
    private long _sum;

    public int LineCount { get; private set; }

    /// <summary>The signed sum of the lines added so far.</summary>
    public long SignedSumCents => _sum;

    public void Add(long amountCents, DebetCredit debetCredit)
    {
        _sum = checked(_sum + (debetCredit == DebetCredit.Credit ? -amountCents : amountCents));
        LineCount++;
    }

    /// <summary>Null when the lines add up to the declared total, else the reason in Dutch.</summary>
    public string? Check(long totalCents, DebetCredit totalDebetCredit)
    {
        var declared = totalDebetCredit == DebetCredit.Credit ? -totalCents : totalCents;
        return declared == _sum
            ? null
            : $"TotaalIngediendBedrag is {Describe(declared)}, maar de {LineCount} prestaties tellen op tot {Describe(_sum)}.";
    }

    private static string Describe(long signedCents) =>
        $"{Money.Format(Math.Abs(signedCents))} {(signedCents < 0 ? "credit" : "debet")}";
}
