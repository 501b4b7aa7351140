using ContractRegie.Core.Contracts;
using ContractRegie.Data.Import;

namespace ContractRegie.Data.Tests.Import;

public sealed class CsvValuesTests
{
    [Theory]
    [InlineData("1.234,56", ',', "1234.56")]
    [InlineData("1.234.567", ',', "1234567")]
    [InlineData("72,5", ',', "72.5")]
    [InlineData("-0,75", ',', "-0.75")]
    [InlineData("1234,56", ',', "1234.56")]
    [InlineData("1234.56", '.', "1234.56")]
    [InlineData("80", '.', "80")]
    public void Decimals_follow_the_notation_of_the_file(string text, char decimalSeparator, string expected)
    {
        Assert.True(CsvValues.TryParseDecimal(text, decimalSeparator, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("12.5", ',')]
    [InlineData("1.23,4", ',')]
    [InlineData("1,234.56", '.')]
    [InlineData("72,50", '.')]
    [InlineData("€ 12", ',')]
    [InlineData("", ',')]
    public void Other_notations_are_not_decimals(string text, char decimalSeparator)
    {
        Assert.False(CsvValues.TryParseDecimal(text, decimalSeparator, out _));
    }

    [Theory]
    [InlineData("05-03-2024")]
    [InlineData("5-3-2024")]
    [InlineData("2024-03-05")]
    public void Dates_are_read_in_dutch_and_iso_order(string text)
    {
        Assert.True(CsvValues.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(2024, 3, 5), date);
    }

    [Theory]
    [InlineData("03/05/2024")]
    [InlineData("31-02-2024")]
    [InlineData("2024-3-5x")]
    public void Other_dates_are_not_read(string text)
    {
        Assert.False(CsvValues.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("ja", true)]
    [InlineData("J", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("Nee", false)]
    [InlineData("n", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    public void Booleans_are_read_in_dutch_and_english(string text, bool expected)
    {
        Assert.True(CsvValues.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Names_ignore_case_spaces_and_accents_but_not_numbers()
    {
        Assert.True(CsvValues.TryParseName<ProcurementRoute>("open house", out var route));
        Assert.Equal(ProcurementRoute.OpenHouse, route);
        Assert.True(CsvValues.TryParseName<ContractStatus>("Beëindigd", out var status));
        Assert.Equal(ContractStatus.Beeindigd, status);
        Assert.True(CsvValues.TryParseName<ContractKind>("regionaalozjt", out var kind));
        Assert.Equal(ContractKind.RegionaalOzjt, kind);
        Assert.False(CsvValues.TryParseName<ContractKind>("1", out _));
        Assert.False(CsvValues.TryParseName<ContractKind>("Regionaal", out _));
    }

    [Theory]
    [InlineData("141", 4, "0141")]
    [InlineData("1234567", 8, "01234567")]
    [InlineData("0141", 4, "0141")]
    [InlineData("14a", 4, "14a")]
    [InlineData("", 4, "")]
    public void Leading_zeros_excel_dropped_are_restored(string code, int length, string expected)
    {
        Assert.Equal(expected, CsvValues.RestoreLeadingZeros(code, length));
    }
}
