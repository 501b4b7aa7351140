using ContractRegie.Core.Common;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Common;

public class MonthArithmeticTests
{
    [Theory]
    // Month end stays month end, into a short February.
    [InlineData(2023, 1, 31, 1, 2023, 2, 28)]
    [InlineData(2024, 1, 31, 1, 2024, 2, 29)]
    // Leap day plus a year: the last day of February 2025.
    [InlineData(2024, 2, 29, 12, 2025, 2, 28)]
    // 28 Feb 2023 is a month end, so a year later is the month end 29 Feb 2024 (not 28 Feb).
    [InlineData(2023, 2, 28, 12, 2024, 2, 29)]
    [InlineData(2023, 2, 28, 1, 2023, 3, 31)]
    // 30 Nov is a month end: three months later is the end of February.
    [InlineData(2023, 11, 30, 3, 2024, 2, 29)]
    [InlineData(2022, 11, 30, 3, 2023, 2, 28)]
    [InlineData(2023, 4, 30, 1, 2023, 5, 31)]
    [InlineData(2022, 12, 31, 24, 2024, 12, 31)]
    // Not a month end: the day is kept, clipped to the month's length.
    [InlineData(2023, 1, 30, 1, 2023, 2, 28)]
    [InlineData(2024, 1, 30, 1, 2024, 2, 29)]
    [InlineData(2023, 3, 15, 1, 2023, 4, 15)]
    [InlineData(2024, 2, 28, 12, 2025, 2, 28)]
    [InlineData(2024, 2, 28, 1, 2024, 3, 28)]
    [InlineData(2023, 6, 14, 6, 2023, 12, 14)]
    // Zero months changes nothing.
    [InlineData(2023, 2, 28, 0, 2023, 2, 28)]
    [InlineData(2023, 1, 15, 0, 2023, 1, 15)]
    public void AddMonths_forward(int y, int m, int d, int months, int ey, int em, int ed) =>
        Assert.Equal(D(ey, em, ed), MonthArithmetic.AddMonths(D(y, m, d), months));

    [Theory]
    // Notice periods count back from the end of the term.
    [InlineData(2023, 12, 31, -3, 2023, 9, 30)]
    [InlineData(2023, 5, 31, -3, 2023, 2, 28)]
    [InlineData(2024, 5, 31, -3, 2024, 2, 29)]
    // 30 Jun is a month end, so three months earlier is 31 Mar.
    [InlineData(2023, 6, 30, -3, 2023, 3, 31)]
    [InlineData(2024, 2, 29, -12, 2023, 2, 28)]
    [InlineData(2023, 2, 28, -12, 2022, 2, 28)]
    [InlineData(2025, 2, 28, -12, 2024, 2, 29)]
    [InlineData(2023, 1, 31, -1, 2022, 12, 31)]
    // Not a month end: kept and clipped.
    [InlineData(2023, 5, 30, -3, 2023, 2, 28)]
    [InlineData(2023, 3, 15, -3, 2022, 12, 15)]
    [InlineData(2023, 6, 14, -2, 2023, 4, 14)]
    public void AddMonths_backward(int y, int m, int d, int months, int ey, int em, int ed) =>
        Assert.Equal(D(ey, em, ed), MonthArithmetic.AddMonths(D(y, m, d), months));

    [Theory]
    [InlineData(2024, 2, 29, true)]
    [InlineData(2024, 2, 28, false)]
    [InlineData(2023, 2, 28, true)]
    [InlineData(2023, 12, 31, true)]
    [InlineData(2023, 11, 30, true)]
    [InlineData(2023, 11, 29, false)]
    [InlineData(2023, 1, 1, false)]
    public void IsLastDayOfMonth(int y, int m, int d, bool expected) =>
        Assert.Equal(expected, MonthArithmetic.IsLastDayOfMonth(D(y, m, d)));
}
