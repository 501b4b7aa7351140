namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>Values no other test in the same database uses, so tests sharing a class database stay independent.</summary>
public static class Unique
{
    private static int _counter = Random.Shared.Next(1_000_000);

    /// <summary>Eight digits, as AGB-codes and KvK-nummers are.</summary>
    public static string EightDigits() => (10_000_000 + Interlocked.Increment(ref _counter) % 90_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A short lower-case word to tag a test's rows (e.g. as contract manager or part of a name).</summary>
    public static string Token() => "t" + Guid.NewGuid().ToString("N")[..10];
}
