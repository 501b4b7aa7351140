using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Monitoring;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-K1", ReportingFrequency.Kwartaal, "2026-01-01", "2026-03-31")]
    [InlineData("2026-k4", ReportingFrequency.Kwartaal, "2026-10-01", "2026-12-31")]
    [InlineData("2024-H1", ReportingFrequency.Halfjaar, "2024-01-01", "2024-06-30")]
    [InlineData("2024-H2", ReportingFrequency.Halfjaar, "2024-07-01", "2024-12-31")]
    [InlineData("2025", ReportingFrequency.Jaar, "2025-01-01", "2025-12-31")]
    public void A_label_names_its_frequency_and_dates(string label, ReportingFrequency frequency, string start, string end)
    {
        Assert.True(ReportingPeriod.TryParse(label, out var period));
        Assert.Equal(frequency, period.Frequency);
        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
        Assert.Equal(label.ToUpperInvariant(), period.Label);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-K5")]
    [InlineData("2026-H3")]
    [InlineData("2026-Q1")]
    [InlineData("26-K1")]
    [InlineData("1999")]
    [InlineData("2026K1")]
    public void Anything_else_is_not_a_period(string label) => Assert.False(ReportingPeriod.TryParse(label, out _));

    [Fact]
    public void The_first_quarter_is_due_a_month_after_it_ends_and_the_one_before_it_is_last_years_fourth()
    {
        var q1 = ReportingPeriod.Parse("2026-K1");
        Assert.Equal(D(2026, 4, 30), q1.DueOn(1));
        Assert.Equal(ReportingPeriod.Parse("2025-K4"), q1.Previous());
        Assert.Equal(ReportingPeriod.Parse("2025-H2"), ReportingPeriod.Parse("2026-H1").Previous());
    }

    // Q1 2026 is due 30 Apr 2026: on that day it is not yet overdue, the next day it is.
    [Theory]
    [InlineData("2026-04-30", ReportingFrequency.Kwartaal, "2025-K4")]
    [InlineData("2026-05-01", ReportingFrequency.Kwartaal, "2026-K1")]
    [InlineData("2026-12-01", ReportingFrequency.Kwartaal, "2026-K3")]
    [InlineData("2026-12-01", ReportingFrequency.Halfjaar, "2026-H1")]
    [InlineData("2026-12-01", ReportingFrequency.Jaar, "2025")]
    [InlineData("2026-01-31", ReportingFrequency.Jaar, "2024")]
    [InlineData("2026-02-01", ReportingFrequency.Jaar, "2025")]
    public void The_last_overdue_period(string today, ReportingFrequency frequency, string expected) =>
        Assert.Equal(expected, ReportingPeriod.LastOverdue(frequency, DateOnly.Parse(today), graceMonths: 1).Label);
}
