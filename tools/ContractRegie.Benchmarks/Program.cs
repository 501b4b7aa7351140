using ContractRegie.Benchmarks.Scale;

namespace ContractRegie.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tools/ContractRegie.Benchmarks -- [--lines 1000000] [--small 250000] [--postgres "&lt;connection string&gt;"]
///   the spending import against raw inserts;
/// dotnet run -c Release --project tools/ContractRegie.Benchmarks -- scale --size almelo|region|national [--postgres "..."] [--out docs/benchmarks.md]
///   a generated register of that size: jobs, search, pages and memory; with --reuse (and --postgres) the register an
///   earlier run left in that database, pages and search only (with --rerun-jobs also the jobs' first and second runs, after
///   clearing what they wrote);
/// dotnet run -c Release --project tools/ContractRegie.Benchmarks -- register-import [--contracts 20000] [--providers 5000] [--postgres "..."]
///   the register import of providers and contracts against a plain bulk load of the same contracts.
/// </summary>
internal static class Entry
{
    public static Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "scale" => ScaleBenchmark.RunAsync(args[1..], Console.Out),
        "register-import" => RegisterImportBenchmark.RunAsync(args[1..], Console.Out),
        _ => SpendingImportBenchmark.RunAsync(args, Console.Out),
    };
}
