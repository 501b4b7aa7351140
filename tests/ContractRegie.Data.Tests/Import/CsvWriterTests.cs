using ContractRegie.Data.Import;

namespace ContractRegie.Data.Tests.Import;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1+cmd", "'+1+cmd")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tzorg", "'\tzorg")]
    [InlineData("\rzorg", "\"'\rzorg\"")]
    [InlineData("Zorg = goed", "Zorg = goed")]
    [InlineData("-12,34", "-12,34")]
    [InlineData("F-100", "F-100")]
    public async Task Formula_starting_text_gets_an_apostrophe_and_plain_numbers_stay_numbers(string value, string expected)
    {
        var text = new StringWriter();

        await new CsvWriter(text).WriteRowAsync(value, CsvWriter.Euros(-1234));

        Assert.Equal(expected + ";-12,34\r\n", text.ToString());
    }
}
