using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Monitoring;

public sealed class OutcomeTrendTests
{
    private static readonly OutcomeAgreement WaitingTime = new()
    {
        Indicator = "Wachttijd tot start zorg", Norm = 42m, Direction = NormDirection.AtMost, Unit = "dagen", Frequency = ReportingFrequency.Kwartaal,
    };

    private static readonly OutcomeAgreement GoalsReached = new()
    {
        Indicator = "Doelrealisatie", Norm = 75m, Direction = NormDirection.AtLeast, Unit = "%", Frequency = ReportingFrequency.Halfjaar, Tolerance = 2.5m,
    };

    private static OutcomeMeasurement Measured(OutcomeAgreement agreement, string period, decimal value) => new()
    {
        Indicator = agreement.Indicator, Period = period, Value = value, ReportedOn = D(2026, 1, 20),
    };

    [Fact]
    public void Fewer_waiting_days_are_better_and_a_lower_goal_score_is_worse()
    {
        var results = OutcomeResult.Of([WaitingTime, GoalsReached],
        [
            // Stored out of order: the latest is the one of the latest period, not the last row.
            Measured(WaitingTime, "2025-K4", 40), Measured(WaitingTime, "2025-K2", 50), Measured(WaitingTime, "2025-K3", 45),
            Measured(GoalsReached, "2025-H2", 71.5m), Measured(GoalsReached, "2025-H1", 80),
        ]);

        var waiting = results.Single(r => r.Agreement == WaitingTime);
        Assert.Equal("2025-K4", waiting.Latest!.Period);
        Assert.Equal("2025-K3", waiting.Previous!.Period);
        Assert.Equal(Trend.Better, waiting.Trend);
        Assert.False(waiting.BelowNorm);

        var goals = results.Single(r => r.Agreement == GoalsReached);
        Assert.Equal(Trend.Worse, goals.Trend);
        // 71,5 is below 75 even with the 2,5 tolerance.
        Assert.True(goals.BelowNorm);
    }

    [Fact]
    public void One_measurement_has_no_trend_and_none_is_not_below_the_norm()
    {
        var results = OutcomeResult.Of([WaitingTime, GoalsReached], [Measured(WaitingTime, "2025-K4", 60)]);

        Assert.Null(results[0].Trend);
        Assert.True(results[0].BelowNorm);
        Assert.Null(results[1].Latest);
        Assert.False(results[1].BelowNorm);
    }

    [Fact]
    public void The_same_value_twice_is_the_same()
    {
        var result = OutcomeResult.Of([GoalsReached], [Measured(GoalsReached, "2025-H1", 80), Measured(GoalsReached, "2025-H2", 80)]).Single();

        Assert.Equal(Trend.Same, result.Trend);
    }
}
