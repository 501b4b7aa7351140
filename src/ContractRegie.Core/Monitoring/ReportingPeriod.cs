using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Monitoring;

/// <summary>
/// A period a provider reports an outcome over, written the way contracts name them: "2026-K1" (a quarter),
/// "2026-H2" (a half year) or "2026" (a year).
/// </summary>
public readonly record struct ReportingPeriod(int Year, ReportingFrequency Frequency, int Number)
{
    public DateOnly Start => new(Year, (Number - 1) * MonthsPerPeriod(Frequency) + 1, 1);

    public DateOnly End => Start.AddMonths(MonthsPerPeriod(Frequency)).AddDays(-1);

    public string Label => Frequency switch
    {
        ReportingFrequency.Kwartaal => $"{Year}-K{Number}",
        ReportingFrequency.Halfjaar => $"{Year}-H{Number}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The report is due this many months after the period ends; a day later it is missing.</summary>
    public DateOnly DueOn(int graceMonths) => MonthArithmetic.AddMonths(End, graceMonths);

    public ReportingPeriod Previous() => Number > 1 ? this with { Number = Number - 1 } : new(Year - 1, Frequency, PeriodsPerYear(Frequency));

    public static ReportingPeriod Containing(DateOnly date, ReportingFrequency frequency) =>
        new(date.Year, frequency, (date.Month - 1) / MonthsPerPeriod(frequency) + 1);

    /// <summary>The most recent period whose report was due before <paramref name="today"/>.</summary>
    public static ReportingPeriod LastOverdue(ReportingFrequency frequency, DateOnly today, int graceMonths)
    {
        var period = Containing(today, frequency);
        while (period.DueOn(graceMonths) >= today)
        {
            period = period.Previous();
        }
        return period;
    }

    /// <summary>The canonical label of a period however it was typed ("2026-k1" is "2026-K1"); other text trimmed, for validation to reject.</summary>
    public static string Normalize(string text) => TryParse(text, out var period) ? period.Label : text.Trim();

    /// <summary>For stored labels, which were checked on the way in.</summary>
    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is geen rapportageperiode.");

    /// <remarks>Reads the text in place: the nightly monitoring parses every stored measurement's period.</remarks>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        var value = text.AsSpan().Trim();
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            period = new ReportingPeriod(year, ReportingFrequency.Jaar, 1);
        }
        else if (value.Length == 7 && value[4] == '-' && int.TryParse(value[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year)
                 && value[6] is >= '1' and <= '4')
        {
            var number = value[6] - '0';
            period = char.ToUpperInvariant(value[5]) switch
            {
                'K' => new ReportingPeriod(year, ReportingFrequency.Kwartaal, number),
                'H' when number <= 2 => new ReportingPeriod(year, ReportingFrequency.Halfjaar, number),
                _ => default,
            };
        }
        return period.Year is >= 2000 and <= 2100;
    }

    public override string ToString() => Label;

    private static int MonthsPerPeriod(ReportingFrequency frequency) => 12 / PeriodsPerYear(frequency);

    private static int PeriodsPerYear(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Kwartaal => 4,
        ReportingFrequency.Halfjaar => 2,
        _ => 1,
    };
}
