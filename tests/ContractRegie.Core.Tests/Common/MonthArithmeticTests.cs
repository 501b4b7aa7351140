using ContractRegie.Core.Common;

namespace ContractRegie.Core.Tests.Common;

public sealed class MonthArithmeticTests
{
    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]   // month end stays month end
    [InlineData("2024-01-31", 1, "2024-02-29")]   // leap year
    [InlineData("2024-02-29", 12, "2025-02-28")]  // leap day to a common year
    [InlineData("2023-02-28", 12, "2024-02-29")]  // end of February stays end of February
    [InlineData("2026-11-30", 3, "2027-02-28")]   // 30 Nov is a month end: end of February
    [InlineData("2026-11-15", 3, "2027-02-15")]   // mid-month keeps its day
    [InlineData("2026-01-30", 1, "2026-02-28")]   // not a month end, clipped to February's length
    [InlineData("2026-12-31", -3, "2026-09-30")]  // notice periods go backwards
    [InlineData("2024-05-31", -3, "2024-02-29")]
    [InlineData("2025-05-31", -3, "2025-02-28")]
    [InlineData("2026-06-15", 0, "2026-06-15")]
    public void Adds_calendar_months(string date, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), MonthArithmetic.AddMonths(DateOnly.Parse(date), months));
}
