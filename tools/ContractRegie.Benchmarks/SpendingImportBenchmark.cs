using System.Data.Common;
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
using Npgsql;

namespace ContractRegie.Benchmarks;

/// <summary>
/// Imports generated spending CSV files of two sizes through the real <see cref="SpendingImporter"/> and, in the same
/// run on the same engine and driver, writes the same number of rows raw into the same table in one transaction, with
/// no parsing, pseudonymising, matching or validation: prepared INSERTs (one row each, and the engine's bulk size) and,
/// on PostgreSQL, a plain binary COPY. Prints lines per second, the ratio of the import to the baseline (target: at
/// least half): the COPY on PostgreSQL, else the fastest raw insert; and the peak working set and managed heap of each
/// import, which should not grow with the file.
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
            using var pseudonym = ClientPseudonym.TryCreate(Key, out _)!;
            var generated = new GeneratedSpending(agb, pseudonym, small + lines);

            await output.WriteLineAsync($"ContractRegie spending import benchmark on {database.Engine}, {Environment.ProcessorCount} cores");
            // The files hold different lines (and invoice numbers), so the second is no duplicate of the first.
            var spending = services.GetRequiredService<SpendingRepository>();
            var smallRun = await ImportAsync(services, generated, scratch, 0, small, "small", output);
            // Measured before the large import, so the COPY meets the smaller table and the ratio errs on the import's side. Its
            // rows come after both files' (no duplicate clients or invoices in the large import) from a generator of its own,
            // whose pseudonyms are garbage again before the large import's memory is measured.
            double? copyRate = database.Engine == DatabaseEngine.Postgres
                ? await RawWriteAsync(database, spending, new GeneratedSpending(agb, pseudonym, small + 2 * lines), small + lines, lines, "raw binary COPY", output,
                    (transaction, importId) => SpendingLineCopy.BeginAsync((NpgsqlConnection)transaction.Connection!, importId, CancellationToken.None))
                : null;
            var largeRun = await ImportAsync(services, generated, scratch, small, lines, "large", output);
            // Raw is measured as a prepared single-row INSERT and, where the engine's bulk size differs, with that many rows
            // per INSERT too.
            var fastestInsert = 0.0;
            foreach (var rows in new[] { 1, database.Dialect.BulkInsertRows }.Distinct())
            {
                fastestInsert = Math.Max(fastestInsert, await RawWriteAsync(database, spending, generated, 0, lines, $"raw insert {rows,2} per INSERT", output,
                    (transaction, importId) => Task.FromResult<ISpendingLineWriter>(new SpendingLineInserts(transaction, importId, rows))));
            }
            if (copyRate is { } copy)
            {
                await output.WriteLineAsync(Ratio("import/plain binary COPY", largeRun.LinesPerSecond / copy));
            }
            await output.WriteLineAsync(Ratio("import/fastest raw insert", largeRun.LinesPerSecond / fastestInsert));
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
    /// Rows <paramref name="first"/> on, already made, through <paramref name="begin"/>'s writer in one transaction into the
    /// same table as the imports: no file, no parsing, pseudonymising, matching or duplicate check. Prints and returns lines per second.
    /// </summary>
    private static async Task<double> RawWriteAsync(Database database, SpendingRepository spending, GeneratedSpending generated, int first, int lines,
        string name, TextWriter output, Func<DbTransaction, long, Task<ISpendingLineWriter>> begin)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var importId = await spending.InsertImportAsync(Guid.NewGuid().ToString("N"), SpendingSource.Csv, "raw", "benchmark", DateTimeOffset.UtcNow, transaction);
        generated.Row(0); // computes the client pseudonyms before the clock starts
        var clock = Stopwatch.StartNew();
        PeakMemory memory;
        using (memory = PeakMemory.Start())
        {
            await using var writer = await begin(transaction, importId);
            for (var i = first; i < first + lines; i++)
            {
                await writer.AddAsync(generated.Row(i), CancellationToken.None);
            }
            await writer.CompleteAsync(CancellationToken.None);
            await transaction.CommitAsync();
        }
        await output.WriteLineAsync(Describe($"{name,-24} {lines,9:N0} lines", lines, clock.Elapsed, memory));
        return lines / clock.Elapsed.TotalSeconds;
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

    private static string Ratio(string name, double ratio) =>
        string.Create(CultureInfo.InvariantCulture, $"ratio {name}: {ratio:0.00} (target >= 0.50: {(ratio >= 0.5 ? "met" : "NOT met")})");

    private sealed record Run(double LinesPerSecond, PeakMemory Memory);
}
