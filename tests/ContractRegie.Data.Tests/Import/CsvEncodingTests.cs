using System.Text;
using ContractRegie.Data.Import;

namespace ContractRegie.Data.Tests.Import;

public sealed class CsvEncodingTests
{
    private static readonly Encoding Windows1252 = CodePagesEncoding(1252);

    [Fact]
    public async Task Utf8_with_a_byte_order_mark_reads_without_it()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("naam\nCliënt")).ToArray();

        Assert.Equal("naam\nCliënt", await ReadAsync(new MemoryStream(bytes)));
    }

    [Fact]
    public async Task Utf8_without_a_byte_order_mark_reads_as_utf8()
    {
        Assert.Equal("naam\nCafé €", await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("naam\nCafé €"))));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_read_as_windows_1252_the_dutch_excel_export()
    {
        var text = "naam;plaats\nZorggroep Café;Hengelo € é ë";

        Assert.Equal(text, await ReadAsync(new MemoryStream(Windows1252.GetBytes(text))));
    }

    [Fact]
    public async Task One_windows_1252_character_far_into_the_file_decides_for_the_whole_file()
    {
        var text = "naam\n" + string.Concat(Enumerable.Repeat("Zorg zonder accenten\n", 10_000)) + "Crèche";

        Assert.Equal(text, await ReadAsync(new MemoryStream(Windows1252.GetBytes(text))));
    }

    [Fact]
    public async Task A_utf8_character_split_across_read_chunks_is_still_utf8()
    {
        // 64 KiB chunks: put the two bytes of "é" on either side of the first chunk boundary.
        var text = new string('a', 64 * 1024 - 1) + "é";

        Assert.Equal(text, await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_detected_too()
    {
        var text = "naam\nÉén zorg";

        Assert.Equal(text, await ReadAsync(new ForwardOnlyStream(Windows1252.GetBytes(text))));
    }

    private static async Task<string> ReadAsync(Stream stream)
    {
        using var reader = await CsvEncoding.OpenAsync(stream);
        return await reader.ReadToEndAsync();
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>Like a network or request body stream: read once, front to back.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
