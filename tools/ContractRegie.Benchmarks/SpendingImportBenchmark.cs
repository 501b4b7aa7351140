using System.Diagnostics;
using System.Globalization;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Providers;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using static ContractRegie.Benchmarks.BenchmarkSetup;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Import;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Schema;
using ContractRegie.Data.Spending;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Benchmarks;

/// <summary>
/// Imports generated spending CSV files of two sizes through the real <see cref="SpendingImporter"/> and, in the same
/// run on the same engine and driver, inserts the same number of rows raw: prepared INSERTs in one transaction (one
/// row each, and the engine's bulk size), with no parsing, pseudonymising or matching. Prints lines per second, the
/// ratio of the import to the fastest raw insert (target: at least half) and the peak working set and managed heap of
/// each import, which should not grow with the file.
/// </summary>
internal static class SpendingImportBenchmark
{
    private const string Key = "benchmark-sleutel-voor-bsn-pseudoniemen-0141";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var lines = IntOption(args, "--lines") ?? 1_000_000;
        var small = IntOption(args, "--small") ?? lines / 4;
        var postgres = Option(args, "--postgres");
        var scratch = Directory.CreateTempSubdirectory("contractregie-bench-").FullName;
        try
        {
            var options = BenchmarkSetup.Database(postgres, Path.Combine(scratch, "bench.db"));
            await using var services = new ServiceCollection()
                .AddSingleton(new SpendingOptions { PseudonymKey = Key })
                .AddContractRegieData(options)
                .AddSingleton<ICurrentActor>(new FixedActor("benchmark"))
                .BuildServiceProvider();
            var database = services.GetRequiredService<Database>();
            SchemaMigrator.MigrateUp(database);
            var agb = await SeedContractAsync(services);
            var generated = new GeneratedSpending(agb, ClientPseudonym.TryCreate(Key, out _)!, small + lines);

            await output.WriteLineAsync($"ContractRegie spending import benchmark on {database.Engine}, {Environment.ProcessorCount} cores");
            // The files hold different lines (and invoice numbers), so the second is no duplicate of the first.
            var smallRun = await ImportAsync(services, generated, scratch, 0, small, "small", output);
            var largeRun = await ImportAsync(services, generated, scratch, small, lines, "large", output);
            // Raw is measured as a prepared single-row INSERT and, where the engine's bulk size differs, with that many rows
            // per INSERT too; the import is compared with the faster of the two.
            var fastestRaw = 0.0;
            foreach (var rows in new[] { 1, database.Dialect.BulkInsertRows }.Distinct())
            {
                var raw = await RawInsertAsync(database, services.GetRequiredService<SpendingRepository>(), generated, lines, rows);
                await output.WriteLineAsync(Describe($"raw insert {lines,9:N0} lines, {rows,2} per INSERT", lines, raw.Elapsed, raw.Memory));
                fastestRaw = Math.Max(fastestRaw, lines / raw.Elapsed.TotalSeconds);
            }
            var ratio = largeRun.LinesPerSecond / fastestRaw;
            await output.WriteLineAsync($"ratio import/fastest raw: {ratio.ToString("0.00", CultureInfo.InvariantCulture)} (target >= 0.50: {(ratio >= 0.5 ? "met" : "NOT met")})");
            await output.WriteLineAsync($"memory large/small import: working set x{(largeRun.Memory.WorkingSetBytes / (double)smallRun.Memory.WorkingSetBytes).ToString("0.00", CultureInfo.InvariantCulture)}, "
                + $"managed x{(largeRun.Memory.ManagedBytes / (double)smallRun.Memory.ManagedBytes).ToString("0.00", CultureInfo.InvariantCulture)} "
                + $"for x{(lines / (double)small).ToString("0.0", CultureInfo.InvariantCulture)} the lines");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<Run> ImportAsync(
        IServiceProvider services, GeneratedSpending generated, string scratch, int first, int lines, string name, TextWriter output)
    {
        var path = Path.Combine(scratch, name + ".csv");
        await generated.WriteCsvAsync(path, first, lines);
        var importer = services.GetRequiredService<SpendingImporter>();
        var clock = Stopwatch.StartNew();
        SpendingImportReport report;
        PeakMemory memory;
        using (memory = PeakMemory.Start())
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            report = await importer.ImportAsync(file, name + ".csv");
        }
        clock.Stop();
        if (report.Outcome != SpendingImportOutcome.Imported || report.LinesImported != lines)
        {
            throw new InvalidOperationException($"The {name} import did not import {lines} lines: {report.Message} {string.Join("; ", report.Errors.Take(5))}");
        }
        var run = new Run(lines / clock.Elapsed.TotalSeconds, memory);
        await output.WriteLineAsync(Describe($"import     {lines,9:N0} lines ({new FileInfo(path).Length / 1024 / 1024} MB, {report.ExceptionCount:N0} exceptions)",
            lines, clock.Elapsed, memory));
        File.Delete(path);
        return run;
    }

    /// <summary>
    /// The same rows, already made, through a prepared INSERT of <paramref name="rowsPerInsert"/> rows in one transaction
    /// into the same table as the imports: no file, no parsing, pseudonymising, matching or duplicate check.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, PeakMemory Memory)> RawInsertAsync(
        Database database, SpendingRepository spending, GeneratedSpending generated, int lines, int rowsPerInsert)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var importId = await spending.InsertImportAsync(Guid.NewGuid().ToString("N"), SpendingSource.Csv, "raw", "benchmark", DateTimeOffset.UtcNow, transaction);
        generated.Row(0); // computes the client pseudonyms before the clock starts
        var clock = Stopwatch.StartNew();
        PeakMemory memory;
        using (memory = PeakMemory.Start())
        {
            await using var writer = new SpendingLineWriter(transaction, importId, rowsPerInsert);
            for (var i = 0; i < lines; i++)
            {
                await writer.AddAsync(generated.Row(i), CancellationToken.None);
            }
            await writer.FlushAsync(CancellationToken.None);
            await transaction.CommitAsync();
        }
        return (clock.Elapsed, memory);
    }

    private static async Task<string> SeedContractAsync(IServiceProvider services)
    {
        var agb = "8" + Random.Shared.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var providerId = await services.GetRequiredService<ProviderRepository>().InsertAsync(new Provider
        {
            Name = "Benchmark Zorg " + agb, KvkNumber = "12345678", AgbCode = agb,
        });
        var contractId = await services.GetRequiredService<ContractRepository>().InsertAsync(new Contract
        {
            ContractNumber = "BENCH-" + agb, Title = "Benchmark", ProviderId = providerId, Kind = ContractKind.Lokaal, Law = Law.Wmo,
            ProcurementRoute = ProcurementRoute.OpenHouse, Municipalities = ["0141"], StartDate = new(2024, 1, 1), InitialEndDate = new(2026, 12, 31),
            Status = ContractStatus.Actief,
        });
        await services.GetRequiredService<ContractTermsRepository>().InsertTariffAsync(new TariffLine
        {
            ContractId = contractId, ProductCategory = "45", ProductCode = "45A53", Unit = TariffUnit.Uur, PriceCents = GeneratedSpending.TariffCents,
            ValidFrom = new(2024, 1, 1),
        });
        return agb;
    }

    private static string Describe(string what, int lines, TimeSpan elapsed, PeakMemory memory) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{what}: {elapsed.TotalSeconds:0.0} s, {lines / elapsed.TotalSeconds:N0} lines/s, peak working set {memory.WorkingSetBytes / 1024 / 1024} MB, peak managed {memory.ManagedBytes / 1024 / 1024} MB");

    private sealed record Run(double LinesPerSecond, PeakMemory Memory);
}
