using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ContractRegie.Data.Import;

/// <summary>
/// Chooses how to decode an uploaded CSV file: UTF-8 (with or without BOM) when every byte is valid
/// UTF-8, otherwise Windows-1252, which is what Dutch Excel writes for "CSV (puntkomma-gescheiden)".
/// The choice covers the whole file, so one "é" on the last row still decides it.
/// </summary>
public static class CsvEncoding
{
    private const int ChunkSize = 64 * 1024;

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>
    /// A reader over <paramref name="csv"/> in the detected encoding. The file is read twice (check, then
    /// decode), so a stream that cannot seek is first copied to a temporary file rather than into memory.
    /// The caller's stream stays open; a temporary copy is deleted when the reader is disposed.
    /// </summary>
    public static async Task<TextReader> OpenAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        var seekable = csv.CanSeek ? csv : await CopyToTemporaryFileAsync(csv, cancellationToken);
        try
        {
            var start = seekable.Position;
            var encoding = await IsUtf8Async(seekable, cancellationToken) ? Encoding.UTF8 : Windows1252.Value;
            seekable.Position = start;
            // Encoding.UTF8 carries a preamble, so the reader skips a BOM without guessing other encodings from one.
            return new StreamReader(seekable, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: seekable == csv);
        }
        catch when (seekable != csv)
        {
            await seekable.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> IsUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize);
        try
        {
            // A multi-byte sequence may straddle two reads; its first bytes are carried to the next round.
            var carried = 0;
            while (true)
            {
                var read = await stream.ReadAsync(bytes.AsMemory(carried, ChunkSize - carried), cancellationToken);
                var available = carried + read;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, available), chars, out var consumed, out _,
                    replaceInvalidSequences: false, isFinalBlock: read == 0);
                if (status == OperationStatus.InvalidData)
                {
                    return false;
                }
                if (read == 0)
                {
                    return true;
                }
                carried = available - consumed;
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static async Task<Stream> CopyToTemporaryFileAsync(Stream csv, CancellationToken cancellationToken)
    {
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            ChunkSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await csv.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }
}
