using System.Security.Cryptography;

namespace ContractRegie.Data.Users;

/// <summary>Random, unguessable stamps: a new one ends every session issued under the old one.</summary>
public static class SecurityStamps
{
    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
