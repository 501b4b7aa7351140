using ContractRegie.Core.Common;

namespace ContractRegie.Core.Tests.Common;

public sealed class DutchFormatTests
{
    [Theory]
    [InlineData("47.5", "47,5")]
    [InlineData("110.14", "110,14")]
    [InlineData("100", "100")]
    [InlineData("0.004", "0")]
    [InlineData("145000", "145.000")] // an exhausted budget far over its ceiling, as the badge showed it: "145000 %"
    [InlineData("-1234.5", "-1.234,5")]
    public void Numbers_read_the_dutch_way_with_a_point_between_thousands(string value, string text) =>
        Assert.Equal(text, DutchFormat.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
