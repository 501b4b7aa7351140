using System.Globalization;
using ContractRegie.Data.Demo;

namespace ContractRegie.Benchmarks.Scale;

/// <summary>
/// A register size: <see cref="Copies"/> copies of the Almelo demo register (300 contracts each), each for one municipality
/// of <see cref="Municipalities"/>, over at most <see cref="Providers"/> providers, with <see cref="SpendingLines"/> lines.
/// </summary>
internal sealed record ScaleSize(string Name, int Copies, int Providers, int SpendingLines, IReadOnlyList<string> Municipalities)
{
    private static readonly IReadOnlyList<string> Twente = DemoCatalog.Twente.Select(m => m.Code).ToList();

    public static readonly ScaleSize Almelo = new("almelo", 1, DemoRegister.ProviderCount, 10_000, [DemoCatalog.Almelo]);
    public static readonly ScaleSize Region = new("region", Twente.Count, Twente.Count * DemoRegister.ProviderCount, 100_000, Twente);

    // 334 copies of 300 contracts is 100,200 contracts; 342 municipalities as in 2025, the Twente ones among them.
    public static readonly ScaleSize National = new("national", 334, 25_000, 10_000_000,
        [.. Twente, .. Enumerable.Range(1, 342 - Twente.Count).Select(n => (2000 + n).ToString("D4", CultureInfo.InvariantCulture))]);

    public static readonly IReadOnlyList<ScaleSize> All = [Almelo, Region, National];

    public static ScaleSize Named(string name) => All.SingleOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"Unknown size '{name}'; use one of {string.Join(", ", All.Select(s => s.Name))}.");
}
