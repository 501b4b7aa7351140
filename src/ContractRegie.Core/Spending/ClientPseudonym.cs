using System.Security.Cryptography;
using System.Text;

namespace ContractRegie.Core.Spending;

/// <summary>
/// Turns a BSN into a keyed pseudonym (HMAC-SHA256, hex), so unique clients can be counted while the BSN itself
/// never reaches the database or a log. Without the key the pseudonym cannot be traced back by trying all
/// one billion BSNs, which a plain hash would allow; hence a key of real length is required. One HMAC context is
/// kept and reused (an import pseudonymises a million lines); a lock makes that safe to share.
/// </summary>
public sealed class ClientPseudonym : IDisposable
{
    /// <summary>256 bits, the HMAC-SHA256 block strength; a shorter key would be the weak link.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Published in the source, so only for Development and the demo; outside Development the service refuses it.</summary>
    public const string DevelopmentKey = "alleen-voor-ontwikkeling-en-demo-nooit-in-productie-gebruiken";

    private readonly IncrementalHash _hmac;

    private ClientPseudonym(byte[] key) => _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    /// <summary>The pseudonymiser for <paramref name="key"/>, or the reason (in Dutch) why the key is not good enough.</summary>
    public static ClientPseudonym? TryCreate(string? key, out string? problem)
    {
        var bytes = Encoding.UTF8.GetBytes(key?.Trim() ?? "");
        problem = bytes.Length switch
        {
            0 => "Er is geen sleutel voor het pseudonimiseren van BSN's ingesteld (Spending:PseudonymKey); zonder sleutel wordt niets geïmporteerd.",
            < MinimumKeyBytes => $"De sleutel voor het pseudonimiseren van BSN's (Spending:PseudonymKey) is korter dan {MinimumKeyBytes} tekens.",
            _ => null,
        };
        return problem is null ? new ClientPseudonym(bytes) : null;
    }

    /// <summary>
    /// Why a configured key must not be used outside Development (English: it stops the start and goes to the log), or
    /// null. No key at all is allowed: then every spending import is refused, with its own reason.
    /// </summary>
    public static string? ProblemOutsideDevelopment(string? key) =>
        key?.Trim() switch
        {
            null or "" => null,
            DevelopmentKey => "Spending:PseudonymKey is the published development key; configure a secret key of at least 32 bytes.",
            var k when Encoding.UTF8.GetByteCount(k) < MinimumKeyBytes => $"Spending:PseudonymKey is shorter than {MinimumKeyBytes} bytes.",
            _ => null,
        };

    /// <summary>The pseudonym of a valid BSN; null when <paramref name="bsn"/> fails the elfproef (the BSN is not echoed back).</summary>
    public string? For(string bsn)
    {
        if (!Bsn.IsValid(bsn))
        {
            return null;
        }
        Span<byte> digits = stackalloc byte[9];
        Encoding.ASCII.GetBytes(bsn, digits);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        lock (_hmac)
        {
            _hmac.AppendData(digits);
            _hmac.GetHashAndReset(hash);
        }
        return Convert.ToHexStringLower(hash);
    }

    public void Dispose() => _hmac.Dispose();
}
