using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Contracts;

/// <summary>The rules for a contract's budgets and outcome agreements, as the API, the pages and the imports apply them.</summary>
public class ContractTermValidationTests
{
    private static BudgetCeiling Budget(int year = 2026, string municipality = "0141", long amountCents = 100_000_00) =>
        new() { ContractId = 7, Year = year, MunicipalityCode = municipality, AmountCents = amountCents };

    private static OutcomeAgreement Agreement(string indicator = "Doelrealisatie", string unit = "%", decimal tolerance = 0m) =>
        new() { ContractId = 7, Indicator = indicator, Norm = 75m, Direction = NormDirection.AtLeast, Unit = unit, Frequency = ReportingFrequency.Jaar, Tolerance = tolerance };

    [Fact]
    public void A_complete_budget_is_valid() => AssertValid(Budget().Validate());

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Budget_year_outside_2000_to_2100_is_rejected(int year) => AssertErrorsOn(Budget(year: year).Validate(), "year");

    [Theory]
    [InlineData("141")]
    [InlineData("01411")]
    [InlineData("GM01")]
    public void Budget_needs_a_four_digit_cbs_code(string code) => AssertErrorsOn(Budget(municipality: code).Validate(), "municipalityCode");

    [Fact]
    public void Negative_budget_is_rejected() => AssertErrorsOn(Budget(amountCents: -1).Validate(), "amountCents");

    [Fact]
    public void A_complete_agreement_is_valid() => AssertValid(Agreement().Validate());

    [Fact]
    public void Agreement_needs_indicator_and_unit() => AssertErrorsOn(Agreement(indicator: "", unit: "").Validate(), "indicator", "unit");

    [Fact]
    public void Agreement_unit_longer_than_20_is_rejected() => AssertErrorsOn(Agreement(unit: new string('x', 21)).Validate(), "unit");

    [Fact]
    public void Negative_tolerance_is_rejected() => AssertErrorsOn(Agreement(tolerance: -0.5m).Validate(), "tolerance");

    [Fact]
    public void Latest_measurement_is_the_latest_period_and_then_the_later_report()
    {
        OutcomeMeasurement M(string indicator, string period, decimal value, int reportedDay) =>
            new() { ContractId = 7, Indicator = indicator, Period = period, Value = value, ReportedOn = D(2026, 10, reportedDay) };
        var corrected = M("Doelrealisatie", "2026-H1", 71m, 20);

        var latest = OutcomeMeasurement.LatestPerIndicator(
            [M("Doelrealisatie", "2025-H2", 90m, 1), M("Doelrealisatie", "2026-H1", 60m, 5), corrected, M("Wachttijd", "2026-K2", 30m, 1)]);

        Assert.Equal(2, latest.Count);
        Assert.Same(corrected, latest["Doelrealisatie"]);
        Assert.Equal(30m, latest["Wachttijd"].Value);
    }
}

public class RenewalDecisionValidationTests
{
    private static RenewalDecision Decision(string reason, string? late = null) => new()
    {
        ContractId = 7, Decision = RenewalDecisionKind.Verlengen, DecidedOn = D(2026, 12, 2), DecidedBy = "a.bakker", Reason = reason, LateJustification = late,
    };

    [Fact]
    public void A_decision_with_a_motivation_is_valid() => AssertValid(Decision("Goede resultaten, tarief blijft marktconform.").Validate());

    [Fact]
    public void A_decision_needs_a_motivation() => AssertErrorsOn(Decision("  ").Validate(), "reason");

    [Fact]
    public void Motivation_and_late_justification_are_at_most_2000_characters() =>
        AssertErrorsOn(Decision(new string('m', 2001), new string('l', 2001)).Validate(), "reason", "lateJustification");
}
