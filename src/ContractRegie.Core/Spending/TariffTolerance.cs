using ContractRegie.Core.Common;

namespace ContractRegie.Core.Spending;

/// <summary>
/// How far a declared amount may differ from volume × contracted tariff before it is an exception: a percentage of
/// the expected amount, but never less than a fixed number of cents, so rounding on small lines is not flagged.
/// </summary>
public sealed record TariffTolerance(decimal Percent, long MinimumCents)
{
    public static TariffTolerance Default { get; } = new(1m, 100);

    public long AllowedCents(long expectedCents) =>
        Math.Max(MinimumCents, Money.FromEuros(Money.ToEuros(Math.Abs(expectedCents)) * Percent / 100m));
}
