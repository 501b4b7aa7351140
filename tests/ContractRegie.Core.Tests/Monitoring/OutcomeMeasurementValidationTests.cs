using ContractRegie.Core.Monitoring;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Monitoring;

public sealed class OutcomeMeasurementValidationTests
{
    private static OutcomeMeasurement Measurement(string period) => new()
    {
        ContractId = 7, Indicator = "Wachttijd tot start zorg", Period = period, Value = 30m, ReportedOn = D(2026, 3, 1),
    };

    [Theory]
    [InlineData("2026-K1")] // under way: a provider may report what it has
    [InlineData("2025-K4")]
    [InlineData("2026-H1")]
    [InlineData("2026")]
    public void A_period_that_has_begun_can_be_measured(string period) =>
        Assert.True(Measurement(period).Validate(D(2026, 3, 1)).IsEmpty);

    [Theory]
    [InlineData("2026-K2", "01-04-2026")]
    [InlineData("2026-H2", "01-07-2026")]
    [InlineData("2027", "01-01-2027")]
    public void A_period_that_has_not_begun_is_refused_on_the_period(string period, string start)
    {
        var errors = Measurement(period).Validate(D(2026, 3, 1));

        AssertErrorsOn(errors, "period");
        Assert.Contains($"start {start}", errors.ToString());
    }
}
