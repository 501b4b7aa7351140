using ContractRegie.Data.Import;

namespace ContractRegie.Data.Tests.Import;

public sealed class CsvReaderTests
{
    [Fact]
    public async Task Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks()
    {
        var records = await ReadAllAsync("naam;plaats\r\n\"Zorg; \"\"De Linde\"\"\";\"Almelo\r\nCentrum\"\r\nHet Anker;Borne\r\n");

        Assert.Equal(
        [
            new(1, ["naam", "plaats"]),
            new(2, ["Zorg; \"De Linde\"", "Almelo\r\nCentrum"]),
            new(4, ["Het Anker", "Borne"]),
        ], records, RecordComparer.Instance);
    }

    [Fact]
    public async Task Records_report_the_physical_line_they_start_on_whatever_the_line_endings()
    {
        var records = await ReadAllAsync("a;b\n\"een\ntwee\rdrie\";x\r\n;\n\"vier\r\n\";y\rlaatste;z");

        Assert.Equal([1, 2, 5, 6, 8], records.Select(r => r.Line));
        Assert.True(records[2].IsBlank);
        Assert.Equal(["laatste", "z"], records[4].Fields);
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_field_and_text_after_a_closing_quote_are_kept_as_written()
    {
        var records = await ReadAllAsync("a;b\n5\" scherm;\"Zorg\" BV\n");

        Assert.Equal(["5\" scherm", "Zorg BV"], records[1].Fields);
    }

    [Fact]
    public async Task Empty_fields_and_a_missing_final_line_break_are_read()
    {
        var records = await ReadAllAsync("a;b;c\n;;\n\"\";x;");

        Assert.Equal(["", "", ""], records[1].Fields);
        Assert.Equal(["", "x", ""], records[2].Fields);
    }

    [Theory]
    [InlineData("naam;agb_code\n1,5;2", ';')]
    [InlineData("naam,agb_code\n1;5,2", ',')]
    [InlineData("\"naam;x\",agb_code,plaats\n", ',')]
    [InlineData("naam\n", ';')]
    public async Task The_delimiter_is_the_one_the_header_line_uses_most(string csv, char expected)
    {
        var reader = await CsvReader.OpenAsync(new StringReader(csv));

        Assert.Equal(expected, reader.Delimiter);
    }

    [Fact]
    public async Task Comma_separated_files_read_the_same_way()
    {
        var records = await ReadAllAsync("naam,gemeenten\n\"Zorg, Welzijn\",\"0141,1735\"\n");

        Assert.Equal(["Zorg, Welzijn", "0141,1735"], records[1].Fields);
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_is_reported_at_the_line_its_record_starts()
    {
        var reader = await CsvReader.OpenAsync(new StringReader("a;b\nx;y\n\"open;z\nmeer\n"));
        await reader.ReadAsync();
        await reader.ReadAsync();

        var error = await Assert.ThrowsAsync<CsvFormatException>(async () => await reader.ReadAsync());

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public async Task A_record_longer_than_the_read_buffer_is_read_whole()
    {
        var longValue = new string('x', 40_000);
        var records = await ReadAllAsync($"a;b\n\"{longValue}\r\n{longValue}\";kort\r\nvolgende;regel\r\n");

        Assert.Equal(longValue + "\r\n" + longValue, records[1].Fields[0]);
        Assert.Equal(4, records[2].Line);
    }

    private static async Task<List<CsvRecord>> ReadAllAsync(string csv)
    {
        var reader = await CsvReader.OpenAsync(new StringReader(csv));
        var records = new List<CsvRecord>();
        while (await reader.ReadAsync() is { } record)
        {
            records.Add(record);
        }
        return records;
    }

    private sealed class RecordComparer : IEqualityComparer<CsvRecord>
    {
        public static readonly RecordComparer Instance = new();
        public bool Equals(CsvRecord? x, CsvRecord? y) => x?.Line == y?.Line && x!.Fields.SequenceEqual(y!.Fields);
        public int GetHashCode(CsvRecord record) => record.Line;
    }
}
