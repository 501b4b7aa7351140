using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Core.Providers;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Monitoring;

public enum RiskLevel { Laag, Verhoogd, Hoog }

/// <summary>
/// Where a ratio is fine and where it is a risk (DESIGN.md's defaults; configurable). A value at or above
/// <see cref="Fine"/> scores 0, below <see cref="Risk"/> 2, in between 1. Settable so configuration can bind it.
/// </summary>
public sealed record RatioNorm
{
    public decimal Fine { get; set; }
    public decimal Risk { get; set; }

    public int Score(decimal? value) => value switch
    {
        null => 1, // cannot be computed (no revenue, no assets): not fine, not proven a risk
        _ when value >= Fine => 0,
        _ when value < Risk => 2,
        _ => 1,
    };
}

/// <summary>The configurable norms of the financial-stability check.</summary>
public sealed class FinancialNorms
{
    public RatioNorm Solvency { get; set; } = new() { Fine = 0.20m, Risk = 0.10m };
    public RatioNorm CurrentRatio { get; set; } = new() { Fine = 1.0m, Risk = 0.8m };
    public RatioNorm Profitability { get; set; } = new() { Fine = 0.015m, Risk = 0m };
    public RatioNorm Resilience { get; set; } = new() { Fine = 0.15m, Risk = 0.05m };
    /// <summary>More of its revenue from this municipality than this is a red flag.</summary>
    public decimal DependencyLimit { get; set; } = 0.5m;
    /// <summary>A statement this many months past its due date (1 June) is a red flag.</summary>
    public int LateAfterMonths { get; set; } = 6;
    /// <summary>Months after the filing deadline (1 June, WTZa) before a contracted provider's missing statement is signalled.</summary>
    public int MissingStatementGraceMonths { get; set; }
    /// <summary>A total ratio score (0–8) from which the level is Verhoogd, and from which it is Hoog.</summary>
    public int ElevatedFromScore { get; set; } = 2;
    public int HighFromScore { get; set; } = 5;
}

/// <summary>The ratios of DESIGN.md; null where the denominator is zero.</summary>
public sealed record FinancialRatios(decimal? Solvency, decimal? CurrentRatio, decimal? Profitability, decimal? Resilience, decimal? Dependency)
{
    public static FinancialRatios Of(FinancialStatement s) => new(
        Divide(s.EquityCents, s.TotalAssetsCents),
        Divide(s.CurrentAssetsCents, s.CurrentLiabilitiesCents),
        Divide(s.ResultCents, s.RevenueCents),
        Divide(s.EquityCents, s.RevenueCents),
        Divide(s.MunicipalRevenueCents, s.RevenueCents));

    private static decimal? Divide(long numerator, long denominator) => denominator == 0 ? null : (decimal)numerator / denominator;
}

public sealed record RatioScore(string Name, decimal? Value, int Score, RatioNorm Norm);

/// <summary>One year's ratios, for the history of a provider's financial position.</summary>
public sealed record YearRatios(int Year, FinancialRatios Ratios);

/// <summary>A provider's financial risk as of one day: the statement it rests on, each ratio's score, the red flags and the level.</summary>
public sealed record FinancialAssessment(int? Year, IReadOnlyList<RatioScore> Scores, IReadOnlyList<string> RedFlags, RiskLevel Level)
{
    public int TotalScore => Scores.Sum(s => s.Score);
}

/// <summary>
/// Ratios, scores, red flags and level of a provider from its annual statements (DESIGN.md "Financial statement").
/// The level is Hoog with a severe flag (negative equity, a going-concern note, an adverse or no opinion), two or
/// more red flags, or a high ratio score; Verhoogd with any red flag or an elevated score; otherwise Laag.
/// </summary>
public static class FinancialStability
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static FinancialAssessment Assess(IReadOnlyList<FinancialStatement> statements, DateOnly today, FinancialNorms norms)
    {
        var byYear = statements.OrderByDescending(s => s.Year).ToList();
        var latest = byYear.FirstOrDefault();
        var flags = new List<string>();
        var severe = false;
        var expectedYear = LastYearDue(today, norms.LateAfterMonths);
        if (latest is null || latest.Year < expectedYear)
        {
            flags.Add($"Jaarrekening {expectedYear} ontbreekt; die moest uiterlijk {DutchFormat.Date(FinancialStatement.DueFor(expectedYear))} binnen zijn.");
        }
        if (latest is null)
        {
            return new FinancialAssessment(null, [], flags, LevelOf(0, flags.Count, severe, norms));
        }

        var ratios = FinancialRatios.Of(latest);
        IReadOnlyList<RatioScore> scores =
        [
            new("Solvabiliteit", ratios.Solvency, norms.Solvency.Score(ratios.Solvency), norms.Solvency),
            // No short-term debts at all is as liquid as it gets.
            new("Current ratio", ratios.CurrentRatio, ratios.CurrentRatio is null ? 0 : norms.CurrentRatio.Score(ratios.CurrentRatio), norms.CurrentRatio),
            new("Rentabiliteit", ratios.Profitability, norms.Profitability.Score(ratios.Profitability), norms.Profitability),
            new("Weerstandsvermogen", ratios.Resilience, norms.Resilience.Score(ratios.Resilience), norms.Resilience),
        ];
        if (latest.EquityCents < 0)
        {
            flags.Add("Negatief eigen vermogen.");
            severe = true;
        }
        if (latest.ResultCents < 0 && byYear.FirstOrDefault(s => s.Year == latest.Year - 1) is { ResultCents: < 0 })
        {
            flags.Add($"Verlies in {latest.Year - 1} én {latest.Year}.");
        }
        if (latest.AuditorOpinion != AuditorOpinion.Goedkeurend)
        {
            flags.Add($"Accountantsverklaring: {OpinionText(latest.AuditorOpinion)}.");
            severe |= latest.AuditorOpinion is AuditorOpinion.Afkeurend or AuditorOpinion.Oordeelonthouding;
        }
        if (latest.GoingConcernNote)
        {
            flags.Add("Continuïteitsparagraaf: onzekerheid over het voortbestaan.");
            severe = true;
        }
        if (latest.FiledOn is { } filed && filed > MonthArithmetic.AddMonths(latest.DueOn, norms.LateAfterMonths))
        {
            flags.Add($"Jaarrekening {latest.Year} ingediend op {DutchFormat.Date(filed)}, meer dan {norms.LateAfterMonths} maanden na {DutchFormat.Date(latest.DueOn)}.");
        }
        if (ratios.Dependency > norms.DependencyLimit)
        {
            flags.Add($"Afhankelijkheid van deze gemeente {Percent(ratios.Dependency)} (grens {Percent(norms.DependencyLimit)}).");
        }
        var total = scores.Sum(s => s.Score);
        return new FinancialAssessment(latest.Year, scores, flags, LevelOf(total, flags.Count, severe, norms));
    }

    /// <summary>The ratios of every statement, newest year first, so a provider's course shows and not only its last year.</summary>
    public static IReadOnlyList<YearRatios> History(IEnumerable<FinancialStatement> statements) =>
        statements.OrderByDescending(s => s.Year).Select(s => new YearRatios(s.Year, FinancialRatios.Of(s))).ToList();

    /// <summary>
    /// The signal for the provider's contractmanager when the level rose since the last assessment; null otherwise. A first
    /// assessment is no rise: it is recorded quietly, and only a first level Hoog is signalled ("eerste beoordeling: Hoog").
    /// The key names provider and level (<see cref="DedupeKeys.FinancialRisk"/>), so the signal stays while the level holds and its
    /// job closes it when the level falls.
    /// </summary>
    public static SignalDraft? SignalOnRise(Provider provider, FinancialAssessment assessment, RiskLevel? previous)
    {
        var first = previous is null;
        if (first ? assessment.Level != RiskLevel.Hoog : assessment.Level <= previous)
        {
            return null;
        }
        var (title, change) = first
            ? ($"Financieel risico van {provider.Name}: eerste beoordeling: Hoog", $"De eerste beoordeling van {provider.Name} (AGB {provider.AgbCode}) geeft risiconiveau Hoog. ")
            : ($"Financieel risico van {provider.Name} gestegen naar {assessment.Level}",
               $"Het risiconiveau van {provider.Name} (AGB {provider.AgbCode}) ging van {previous} naar {assessment.Level}. ");
        return new SignalDraft(SignalKind.FinancialRisk, assessment.Level == RiskLevel.Hoog ? SignalSeverity.High : SignalSeverity.Warning,
            SignalSubjects.Provider, provider.Id, title, change + Explain(assessment), DedupeKeys.FinancialRisk(provider.Id, assessment.Level), (int)assessment.Level,
            provider.ContractManager);
    }

    /// <summary>The facts for a contractmanager: level, each ratio against its norm with its score, and the flags.</summary>
    public static string Explain(FinancialAssessment assessment)
    {
        var ratios = string.Join("; ", assessment.Scores.Select(s =>
            $"{s.Name} {Ratio(s)} (score {s.Score}; goed vanaf {Ratio(s with { Value = s.Norm.Fine })}, risico onder {Ratio(s with { Value = s.Norm.Risk })})"));
        var basis = assessment.Year is { } year ? $"Jaarrekening {year}: {ratios}. Totaalscore {assessment.TotalScore}." : "Geen jaarrekening bekend.";
        var flags = assessment.RedFlags.Count == 0 ? "Geen rode vlaggen." : "Rode vlaggen: " + string.Join(" ", assessment.RedFlags);
        return $"Risiconiveau {assessment.Level}. {basis} {flags}";
    }

    /// <summary>
    /// The "jaarrekening ontbreekt" signal for a provider with an active contract whose statement for the last year due
    /// (1 June plus the grace months, before <paramref name="today"/>) has not come in; null when it has, or a later one.
    /// </summary>
    public static SignalDraft? MissingStatement(Provider provider, IEnumerable<FinancialStatement> statements, DateOnly today, FinancialNorms norms)
    {
        var year = LastYearDue(today, norms.MissingStatementGraceMonths);
        if (statements.Any(s => s.Year >= year))
        {
            return null;
        }
        var deadline = MonthArithmetic.AddMonths(FinancialStatement.DueFor(year), norms.MissingStatementGraceMonths);
        return new SignalDraft(SignalKind.FinancialStatementMissing, SignalSeverity.Warning, SignalSubjects.Provider, provider.Id,
            $"Jaarrekening {year} van {provider.Name} ontbreekt",
            $"{provider.Name} (AGB {provider.AgbCode}) heeft een lopend contract, maar de jaarrekening {year} is niet ontvangen; "
            + $"die moest uiterlijk {DutchFormat.Date(deadline)} binnen zijn. Een ontbrekende jaarrekening is zelf een rode vlag.",
            DedupeKeys.FinancialStatementMissing(provider.Id, year), 0, provider.ContractManager);
    }

    /// <summary>The latest year whose statement was due more than <paramref name="afterMonths"/> months after 1 June before <paramref name="today"/>.</summary>
    public static int LastYearDue(DateOnly today, int afterMonths)
    {
        var year = today.Year - 1;
        while (MonthArithmetic.AddMonths(FinancialStatement.DueFor(year), afterMonths) >= today)
        {
            year--;
        }
        return year;
    }

    private static RiskLevel LevelOf(int score, int flags, bool severe, FinancialNorms norms) =>
        severe || flags >= 2 || score >= norms.HighFromScore ? RiskLevel.Hoog
        : flags == 1 || score >= norms.ElevatedFromScore ? RiskLevel.Verhoogd
        : RiskLevel.Laag;

    private static string Ratio(RatioScore score) =>
        score.Value is not { } value ? "n.v.t." : score.Name == "Current ratio" ? value.ToString("0.00", Dutch) : Percent(value);

    private static string Percent(decimal? value) => value is { } v ? (v * 100).ToString("0.#", Dutch) + " %" : "n.v.t.";


    private static string OpinionText(AuditorOpinion opinion) => opinion switch
    {
        AuditorOpinion.MetBeperking => "met beperking",
        AuditorOpinion.Oordeelonthouding => "oordeelonthouding",
        AuditorOpinion.Afkeurend => "afkeurend",
        _ => "goedkeurend",
    };
}
