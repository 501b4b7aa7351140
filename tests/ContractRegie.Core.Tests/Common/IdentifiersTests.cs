using ContractRegie.Core.Common;

namespace ContractRegie.Core.Tests.Common;

public class IdentifiersTests
{
    [Theory]
    [InlineData("12345678", true)]
    [InlineData("00000001", true)]
    [InlineData("1234567", false)]      // 7 digits
    [InlineData("123456789", false)]    // 9 digits
    [InlineData("1234567a", false)]
    [InlineData("ABCDEFGH", false)]
    [InlineData("1234 567", false)]
    [InlineData(" 12345678", false)]
    [InlineData("１２３４５６７８", false)] // full-width digits are not ASCII digits
    [InlineData("٠١٢٣٤٥٦٧", false)]        // Arabic-Indic digits are not ASCII digits
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKvkNumber(string? value, bool expected) =>
        Assert.Equal(expected, Identifiers.IsKvkNumber(value));

    [Theory]
    [InlineData("87654321", true)]
    [InlineData("01234567", true)]
    [InlineData("8765432", false)]
    [InlineData("876543210", false)]
    [InlineData("8765432X", false)]
    [InlineData("AGB12345", false)]
    [InlineData("8765-321", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsAgbCode(string? value, bool expected) =>
        Assert.Equal(expected, Identifiers.IsAgbCode(value));

    [Theory]
    [InlineData("0141", true)]  // Almelo
    [InlineData("1735", true)]  // Hof van Twente
    [InlineData("141", false)]  // leading zero dropped
    [InlineData("01410", false)]
    [InlineData("GM0141", false)]
    [InlineData("01a1", false)]
    [InlineData(" 141", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsMunicipalityCode(string? value, bool expected) =>
        Assert.Equal(expected, Identifiers.IsMunicipalityCode(value));
}
