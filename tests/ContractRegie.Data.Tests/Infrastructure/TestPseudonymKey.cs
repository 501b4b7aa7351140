namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>The pseudonymisation key of the import tests, and a pseudonym under it worked out outside the code.</summary>
public static class TestPseudonymKey
{
    public const string Key = "sleutel-van-de-gemeente-almelo-0141-test";

    /// <summary>HMAC-SHA256 of "999900006" under <see cref="Key"/>, computed independently with Python's hmac module.</summary>
    public const string PseudonymOf999900006 = "11ac31534c82432b0d31380669c16e147f6506d030a48cc0637d1fbc9d513b89";
}
