using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;

namespace ContractRegie.Data.Spending;

/// <summary>The "Spending" settings.</summary>
public sealed class SpendingOptions
{
    public const string Section = "Spending";

    /// <summary>The HMAC key BSNs are pseudonymised with; without it no import starts. Keep it secret and never change it.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>How far an amount may differ from volume × tariff, in percent of the expected amount.</summary>
    public decimal TariffTolerancePercent { get; set; } = TariffTolerance.Default.Percent;

    /// <summary>The smallest difference, in cents, that is ever flagged.</summary>
    public long TariffToleranceMinimumCents { get; set; } = TariffTolerance.Default.MinimumCents;

    /// <summary>From this exhaustion percentage on the job raises "budget nearly exhausted".</summary>
    public decimal NearlyExhaustedPercent { get; set; } = 80m;

    /// <summary>The largest amount of one line, in euro's; a line above it is a row error and the import is refused.</summary>
    public decimal MaxLineAmount { get; set; } = Money.ToEuros(SpendingLimits.Default.MaxLineCents);

    public SpendingLimits Limits => new(Money.FromEuros(Math.Clamp(MaxLineAmount, 0m, Money.ToEuros(Money.MaxCents))));

    /// <summary>
    /// The reporting threshold of the rechtmatigheidsverantwoording, in percent of the total spent: above it the unlawful
    /// plus uncertain amount must be reported. Councils set at most 3 %.
    /// </summary>
    public decimal LawfulnessThresholdPercent { get; set; } = 3m;

    /// <summary>
    /// How many days declarations lag behind delivery: the year-end projection takes its run-rate from spending delivered
    /// up to this many days before the reconciliation date (<see cref="RunRate"/>).
    /// </summary>
    public int DeclarationLagDays { get; set; } = 30;

    /// <summary>What is wrong with these settings, each naming its key; checked when the host starts.</summary>
    public IEnumerable<string> Problems()
    {
        if (DeclarationLagDays is < 0 or > 365)
        {
            yield return $"{Section}:DeclarationLagDays: {DeclarationLagDays} is not a number of days from 0 to 365.";
        }
    }

    public TariffTolerance Tolerance => new(TariffTolerancePercent, TariffToleranceMinimumCents);
}
