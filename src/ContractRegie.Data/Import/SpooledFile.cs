using System.Security.Cryptography;

namespace ContractRegie.Data.Import;

/// <summary>
/// An uploaded file copied to a temporary file while its SHA-256 is computed: the hash says whether the file was
/// imported before, and the readers need a stream they can read again. Memory use stays one buffer, whatever the size.
/// The copy is deleted when disposed.
/// </summary>
internal sealed class SpooledFile : IAsyncDisposable
{
    private const int BufferSize = 128 * 1024;

    private SpooledFile(FileStream stream, string hash)
    {
        Stream = stream;
        Hash = hash;
    }

    public FileStream Stream { get; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Hash { get; }

    public static async Task<SpooledFile> CopyAsync(Stream source, CancellationToken cancellationToken)
    {
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, BufferSize,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await copy.FlushAsync(cancellationToken);
            copy.Position = 0;
            return new SpooledFile(copy, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether the first character that is not whitespace or a byte-order mark is '&lt;': an XML message, not CSV.</summary>
    public bool LooksLikeXml()
    {
        Stream.Position = 0;
        int b;
        while ((b = Stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
        }
        Stream.Position = 0;
        return b == '<';
    }

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
