using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Providers;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Monitoring;

public sealed class FinancialStabilityTests
{
    private static readonly FinancialNorms Norms = new();

    /// <summary>
    /// 2025 of a healthy provider, in euros: revenue 10 000 000, result 200 000 (2 %), equity 2 500 000 (25 % of
    /// revenue), total assets 5 000 000 (solvency 50 %), current assets 3 000 000 against 1 500 000 short-term debt
    /// (2.0), 3 000 000 of the revenue from this municipality (30 %). Filed on time.
    /// </summary>
    private static FinancialStatement Healthy(int year = 2025) => new()
    {
        ProviderId = 42, Year = year,
        RevenueCents = Euros(10_000_000), ResultCents = Euros(200_000), EquityCents = Euros(2_500_000), TotalAssetsCents = Euros(5_000_000),
        CurrentAssetsCents = Euros(3_000_000), CurrentLiabilitiesCents = Euros(1_500_000), MunicipalRevenueCents = Euros(3_000_000),
        AuditorOpinion = AuditorOpinion.Goedkeurend, FiledOn = D(year + 1, 5, 15),
    };

    private static long Euros(long euros) => euros * 100;

    private static readonly DateOnly Today = D(2026, 12, 2);

    private static FinancialAssessment Assess(params FinancialStatement[] statements) => FinancialStability.Assess(statements, Today, Norms);

    [Fact]
    public void The_ratios_are_the_quotients_of_design()
    {
        var ratios = FinancialRatios.Of(Healthy());

        Assert.Equal(new FinancialRatios(0.5m, 2m, 0.02m, 0.25m, 0.3m), ratios);
    }

    [Fact]
    public void A_zero_denominator_gives_no_ratio_instead_of_a_crash()
    {
        var ratios = FinancialRatios.Of(Healthy() with { RevenueCents = 0, MunicipalRevenueCents = 0, CurrentLiabilitiesCents = 0 });

        Assert.Equal((null, null, null, null), (ratios.CurrentRatio, ratios.Profitability, ratios.Resilience, ratios.Dependency));
    }

    [Fact]
    public void A_healthy_provider_scores_zero_and_is_laag()
    {
        var assessment = Assess(Healthy(2024), Healthy());

        Assert.Equal(2025, assessment.Year);
        Assert.All(assessment.Scores, s => Assert.Equal(0, s.Score));
        Assert.Empty(assessment.RedFlags);
        Assert.Equal(RiskLevel.Laag, assessment.Level);
    }

    [Theory]
    [InlineData(0.20, 0)]
    [InlineData(0.1999, 1)]
    [InlineData(0.10, 1)]
    [InlineData(0.0999, 2)]
    public void Solvency_scores_against_its_default_norms(decimal solvency, int score) =>
        Assert.Equal(score, Norms.Solvency.Score(solvency));

    [Fact]
    public void Two_middling_ratios_make_verhoogd()
    {
        // Equity 1 200 000 of 8 000 000 assets is 15 % solvency (1) and 12 % of revenue resilience (1).
        var assessment = Assess(Healthy() with { EquityCents = Euros(1_200_000), TotalAssetsCents = Euros(8_000_000) });

        Assert.Equal(2, assessment.TotalScore);
        Assert.Equal(RiskLevel.Verhoogd, assessment.Level);
    }

    [Fact]
    public void Weak_ratios_all_round_make_hoog()
    {
        // Solvency 8 % (2), current ratio 0.9 (1), a 0.5 % loss (2), resilience 4 % (2): 7.
        var weak = Healthy() with
        {
            EquityCents = Euros(400_000), CurrentAssetsCents = Euros(1_350_000), ResultCents = Euros(-50_000),
        };

        var assessment = Assess(weak);

        Assert.Equal([2, 1, 2, 2], assessment.Scores.Select(s => s.Score));
        Assert.Equal(RiskLevel.Hoog, assessment.Level);
    }

    public static TheoryData<string, Func<FinancialStatement, FinancialStatement>, RiskLevel> RedFlags => new()
    {
        { "Afhankelijkheid", s => s with { MunicipalRevenueCents = Euros(6_000_000) }, RiskLevel.Verhoogd },
        { "Accountantsverklaring: met beperking", s => s with { AuditorOpinion = AuditorOpinion.MetBeperking }, RiskLevel.Verhoogd },
        { "ingediend op 02-12-2026", s => s with { FiledOn = D(2026, 12, 2) }, RiskLevel.Verhoogd },
        { "Accountantsverklaring: afkeurend", s => s with { AuditorOpinion = AuditorOpinion.Afkeurend }, RiskLevel.Hoog },
        { "Accountantsverklaring: oordeelonthouding", s => s with { AuditorOpinion = AuditorOpinion.Oordeelonthouding }, RiskLevel.Hoog },
        { "Continuïteitsparagraaf", s => s with { GoingConcernNote = true }, RiskLevel.Hoog },
    };

    [Theory]
    [MemberData(nameof(RedFlags))]
    public void A_red_flag_raises_the_level_whatever_the_ratios(string flag, Func<FinancialStatement, FinancialStatement> change, RiskLevel level)
    {
        var assessment = Assess(Healthy(2024), change(Healthy()));

        Assert.Contains(assessment.RedFlags, f => f.Contains(flag, StringComparison.Ordinal));
        Assert.Equal(level, assessment.Level);
    }

    [Fact]
    public void Negative_equity_is_hoog()
    {
        var assessment = Assess(Healthy() with { EquityCents = Euros(-100_000) });

        Assert.Contains("Negatief eigen vermogen.", assessment.RedFlags);
        Assert.Equal(RiskLevel.Hoog, assessment.Level);
    }

    [Fact]
    public void A_loss_is_a_red_flag_only_in_the_second_year_running()
    {
        var loss2024 = Healthy(2024) with { ResultCents = Euros(-10_000) };
        var loss2025 = Healthy() with { ResultCents = Euros(-10_000) };

        Assert.DoesNotContain(Assess(Healthy(2024), loss2025).RedFlags, f => f.StartsWith("Verlies", StringComparison.Ordinal));
        Assert.Contains("Verlies in 2024 én 2025.", Assess(loss2024, loss2025).RedFlags);
    }

    [Fact]
    public void A_statement_more_than_six_months_past_1_june_is_missing()
    {
        // 2025's is due 1 June 2026; on 1 Dec 2026 it is six months late, not more.
        Assert.Empty(FinancialStability.Assess([Healthy(2024)], D(2026, 12, 1), Norms).RedFlags);

        var assessment = FinancialStability.Assess([Healthy(2024)], D(2026, 12, 2), Norms);

        Assert.Equal("Jaarrekening 2025 ontbreekt; die moest uiterlijk 01-06-2026 binnen zijn.", Assert.Single(assessment.RedFlags));
        Assert.Equal(RiskLevel.Verhoogd, assessment.Level);
    }

    [Fact]
    public void Two_ordinary_red_flags_make_hoog()
    {
        var assessment = Assess(Healthy() with { AuditorOpinion = AuditorOpinion.MetBeperking, MunicipalRevenueCents = Euros(5_500_000) });

        Assert.Equal(2, assessment.RedFlags.Count);
        Assert.Equal(RiskLevel.Hoog, assessment.Level);
    }

    [Fact]
    public void Norms_are_configurable()
    {
        var strict = new FinancialNorms { Solvency = new RatioNorm { Fine = 0.60m, Risk = 0.55m }, ElevatedFromScore = 2 };

        var assessment = FinancialStability.Assess([Healthy()], Today, strict);

        Assert.Equal(2, assessment.Scores[0].Score);
        Assert.Equal(RiskLevel.Verhoogd, assessment.Level);
    }

    [Fact]
    public void The_explanation_names_the_level_each_ratio_with_its_score_and_the_flags()
    {
        var text = FinancialStability.Explain(Assess(Healthy() with { GoingConcernNote = true }));

        Assert.StartsWith("Risiconiveau Hoog. Jaarrekening 2025:", text);
        Assert.Contains("Solvabiliteit 50 % (score 0; goed vanaf 20 %, risico onder 10 %)", text);
        Assert.Contains("Current ratio 2,00 (score 0; goed vanaf 1,00, risico onder 0,80)", text);
        Assert.Contains("Rentabiliteit 2 % (score 0; goed vanaf 1,5 %, risico onder 0 %)", text);
        Assert.Contains("Continuïteitsparagraaf", text);
    }

    [Theory]
    [InlineData(null, RiskLevel.Verhoogd, false)]
    [InlineData(RiskLevel.Laag, RiskLevel.Hoog, true)]
    [InlineData(RiskLevel.Verhoogd, RiskLevel.Hoog, true)]
    [InlineData(RiskLevel.Verhoogd, RiskLevel.Verhoogd, false)]
    [InlineData(RiskLevel.Hoog, RiskLevel.Verhoogd, false)]
    [InlineData(null, RiskLevel.Laag, false)]
    public void Only_a_rise_in_level_signals(RiskLevel? previous, RiskLevel now, bool signals)
    {
        var assessment = new FinancialAssessment(2025, [], [], now);

        var draft = FinancialStability.SignalOnRise(AProvider() with { ContractManager = "a.bakker" }, assessment, previous);

        Assert.Equal(signals, draft is not null);
        if (draft is not null)
        {
            Assert.Equal((Core.Signals.SignalKind.FinancialRisk, "provider", 42L, "a.bakker", (int)now), (draft.Kind, draft.SubjectType, draft.SubjectId, draft.Recipient, draft.Stage));
            Assert.Contains($"naar {now}", draft.Facts);
        }
    }

    [Fact]
    public void A_first_assessment_is_no_rise_and_only_a_first_level_Hoog_is_signalled_once_as_such()
    {
        var provider = AProvider() with { ContractManager = "a.bakker" };

        var high = FinancialStability.SignalOnRise(provider, new FinancialAssessment(2025, [], [], RiskLevel.Hoog), previous: null);

        Assert.NotNull(high);
        Assert.Contains("eerste beoordeling: Hoog", high.Title);
        Assert.DoesNotContain("ging van", high.Facts);
        Assert.Equal("FinancialRisk:42:Hoog", high.DedupeKey);
        Assert.Null(FinancialStability.SignalOnRise(provider, new FinancialAssessment(2025, [], [], RiskLevel.Verhoogd), previous: null));
    }
}
