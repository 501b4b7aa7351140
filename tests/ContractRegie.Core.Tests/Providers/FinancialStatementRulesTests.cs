using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Providers;
using ContractRegie.Core.Signals;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Providers;

/// <summary>Annual statements that cannot be, and the missing statement of a contracted provider (issue 12).</summary>
public sealed class FinancialStatementRulesTests
{
    private static readonly DateOnly Today = D(2026, 3, 1);

    /// <summary>2024 in euros: total assets 1 000 000 = equity 400 000 + debt 600 000, of which 500 000 short-term; filed 20 May 2025.</summary>
    private static FinancialStatement Statement(int year = 2024) => new()
    {
        ProviderId = 42, Year = year, RevenueCents = 200_000_000, ResultCents = 1_000_000, EquityCents = 40_000_000, TotalAssetsCents = 100_000_000,
        CurrentAssetsCents = 70_000_000, CurrentLiabilitiesCents = 50_000_000, MunicipalRevenueCents = 50_000_000,
        AuditorOpinion = AuditorOpinion.Goedkeurend, FiledOn = D(year + 1, 5, 20),
    };

    [Fact]
    public void A_balance_sheet_that_adds_up_from_an_ended_year_filed_after_it_is_valid() =>
        Assert.True(Statement().Validate(Today).IsEmpty, Statement().Validate(Today).ToString());

    [Fact]
    public void Equity_above_the_total_assets_is_refused() =>
        AssertErrorsOn((Statement() with { EquityCents = 100_000_001 }).Validate(Today), "equityCents");

    [Fact]
    public void Negative_equity_is_possible_and_leaves_all_assets_to_debt() =>
        // Equity −100 000: debt is 1 100 000, so 1 000 000 short-term fits.
        Assert.True((Statement() with { EquityCents = -10_000_000, CurrentLiabilitiesCents = 100_000_000 }).Validate(Today).IsEmpty);

    [Theory]
    [InlineData(60_000_000L, true)]  // exactly the debt: total 1 000 000 − equity 400 000
    [InlineData(60_000_001L, false)]
    public void Short_term_debt_cannot_exceed_the_total_assets_minus_equity(long currentLiabilities, bool valid)
    {
        var errors = (Statement() with { CurrentLiabilitiesCents = currentLiabilities }).Validate(Today);

        if (valid)
        {
            Assert.True(errors.IsEmpty, errors.ToString());
        }
        else
        {
            AssertErrorsOn(errors, "currentLiabilitiesCents");
        }
    }

    [Fact]
    public void Current_assets_above_the_total_assets_are_refused() =>
        AssertErrorsOn((Statement() with { CurrentAssetsCents = 100_000_001 }).Validate(Today), "currentAssetsCents");

    [Theory]
    [InlineData(2025, true)]  // ended 31 Dec 2025
    [InlineData(2026, false)] // runs until 31 Dec 2026
    [InlineData(2027, false)]
    public void Only_a_year_that_has_ended_can_have_a_statement(int year, bool valid)
    {
        var errors = (Statement(year) with { FiledOn = null }).Validate(Today);

        Assert.Equal(valid, errors.IsEmpty);
        if (!valid)
        {
            AssertErrorsOn(errors, "year");
        }
    }

    [Theory]
    [InlineData(2025, 5, 20, true)]
    [InlineData(2026, 3, 1, true)]    // today
    [InlineData(2026, 3, 2, false)]   // tomorrow
    [InlineData(2024, 12, 31, false)] // the last day of the year itself
    [InlineData(2024, 6, 1, false)]
    public void The_filing_date_lies_after_the_year_and_not_in_the_future(int y, int m, int d, bool valid)
    {
        var errors = (Statement() with { FiledOn = D(y, m, d) }).Validate(Today);

        Assert.Equal(valid, errors.IsEmpty);
        if (!valid)
        {
            AssertErrorsOn(errors, "filedOn");
        }
    }

    [Theory]
    [InlineData(2025, 6, 1, 2023)] // 2024's statement is due 1 June 2025: not yet missing on that day
    [InlineData(2025, 6, 2, 2024)]
    [InlineData(2026, 3, 1, 2024)]
    [InlineData(2026, 6, 2, 2025)]
    public void The_last_statement_due_is_the_year_whose_1_June_has_passed(int y, int m, int d, int year) =>
        Assert.Equal(year, FinancialStability.LastYearDue(D(y, m, d), 0));

    [Fact]
    public void A_contracted_provider_without_the_last_statement_due_gets_one_missing_statement_signal_for_its_contractmanager()
    {
        var provider = AProvider() with { ContractManager = "a.bakker" };

        var draft = FinancialStability.MissingStatement(provider, [Statement(2023)], Today, new FinancialNorms());

        Assert.NotNull(draft);
        Assert.Equal((SignalKind.FinancialStatementMissing, "provider", 42L, "a.bakker"), (draft.Kind, draft.SubjectType, draft.SubjectId, draft.Recipient));
        Assert.Equal("Jaarrekening 2024 van Zorg Twente B.V. ontbreekt", draft.Title);
        Assert.Contains("uiterlijk 01-06-2025", draft.Facts);
        Assert.Equal("FinancialStatementMissing:42:2024", draft.DedupeKey);
    }

    [Fact]
    public void No_statement_at_all_is_missing_too_and_the_grace_months_move_the_deadline()
    {
        var draft = FinancialStability.MissingStatement(AProvider(), [], D(2025, 8, 15), new FinancialNorms { MissingStatementGraceMonths = 2 });

        // 1 June 2025 + 2 months = 1 August 2025, passed on 15 August: 2024 is missing.
        Assert.Equal("FinancialStatementMissing:42:2024", draft?.DedupeKey);
        Assert.Contains("uiterlijk 01-08-2025", draft!.Facts);
        // On 31 July 2025 2024's is still within its grace: the last one due is 2023's.
        Assert.Equal("FinancialStatementMissing:42:2023",
            FinancialStability.MissingStatement(AProvider(), [], D(2025, 7, 31), new FinancialNorms { MissingStatementGraceMonths = 2 })?.DedupeKey);
    }

    [Fact]
    public void The_ratio_history_has_every_year_newest_first()
    {
        // 2023: equity 400 000 of 1 000 000; 2024: 300 000 of 1 000 000.
        var history = FinancialStability.History([Statement(2023), Statement(2024) with { EquityCents = 30_000_000 }]);

        Assert.Equal([(2024, 0.3m), (2023, 0.4m)], history.Select(h => (h.Year, h.Ratios.Solvency!.Value)));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)] // a later statement covers it too
    public void The_statement_of_the_year_due_or_later_is_enough(int year) =>
        Assert.Null(FinancialStability.MissingStatement(AProvider(), [Statement(year) with { FiledOn = null }], Today, new FinancialNorms()));
}
