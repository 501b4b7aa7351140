using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Notifications;
using ContractRegie.Web.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Benchmarks.Scale;

/// <summary>
/// Writes a register of one <see cref="ScaleSize"/> on one engine and measures, through the real HTTP pipeline: every
/// job's first and second run, contract search under 16 concurrent clients (p50/p95/p99), the main pages' render times,
/// and the peak memory of each step. Prints a Markdown section for docs/benchmarks.md.
/// </summary>
internal static class ScaleBenchmark
{
    public const string PseudonymKey = "benchmark-sleutel-voor-bsn-pseudoniemen-0141";

    private const int Clients = 16;
    // Queued at once and sent by one dispatcher run: the default Mail:DispatchBatchSize.
    private static readonly int DispatchMails = new MailOptions().DispatchBatchSize;
    private const int SearchesPerClient = 25;
    /// <summary>
    /// The later rounds' searches per client: 9,600 requests each. The runtime recompiles the hot methods (with what it saw of
    /// them) in the background while serving; under load it took several thousand requests before a request cost the host
    /// a third of its CPU just after start (measured on Kestrel, region size).
    /// </summary>
    private const int SteadySearchesPerClient = 600;
    private const int PageRenders = 5;

    private static readonly string[] Jobs =
        ["contract-expiry", "outcome-monitoring", "financial-stability", "spending-reconciliation", "digest", "notification-dispatch"];

    /// <summary>What people type: parts of names, of contract numbers, and a filter with a sort on a key date.</summary>
    private static readonly string[] Searches =
    [
        "/api/v1/contracts?q=zorg", "/api/v1/contracts?q=ALM-2", "/api/v1/contracts?q=thuis&page=2", "/api/v1/contracts?law=Jeugdwet",
        "/api/v1/contracts?status=Actief&page=3", "/api/v1/contracts?decisionDueBefore=2026-09-01", "/api/v1/contracts?q=stichting&kind=Lokaal",
        "/contracten?sort=besluit", "/contracten?q=zorg&page=2",
    ];

    private static readonly string[] Pages = ["/", "/signaleringen", "/contracten"];

    /// <summary>
    /// Issue #16's pages, read as a lezer (who may see all of them): the planner, a provider and a contract with their
    /// charts, and /uitgaven with its exceptions for the year the generated spending falls in.
    /// </summary>
    private static string[] ReaderPages(long contractId, long providerId, int spendingYear) =>
    [
        "/verlengingen", $"/zorgaanbieders/{providerId}", $"/contracten/{contractId}", $"/uitgaven?jaar={spendingYear}",
        $"/uitgaven/uitzonderingen?jaar={spendingYear}",
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var size = ScaleSize.Named(Option(args, "--size") ?? "almelo");
        var postgres = Option(args, "--postgres");
        // A SQLite file that outlives the run, so that --reuse can measure it again; without it the file is temporary.
        var sqlite = Option(args, "--sqlite");
        if (postgres is not null && sqlite is not null)
        {
            throw new ArgumentException("--postgres and --sqlite name two databases: give one.");
        }
        // To measure pages and search again on a register kept from an earlier run (e.g. while reading its query plans).
        var reuse = args.Contains("--reuse");
        if (reuse && postgres is null && sqlite is null)
        {
            throw new ArgumentException("--reuse needs --postgres or --sqlite: a temporary SQLite file is removed with its run.");
        }
        if (!reuse && sqlite is not null && File.Exists(sqlite))
        {
            throw new ArgumentException($"{sqlite} exists: add --reuse to measure its register again, or remove it to generate a new one.");
        }
        // The jobs' first runs again on the kept register, without the half hour of generating it.
        var rerunJobs = args.Contains("--rerun-jobs");
        if (rerunJobs && !reuse)
        {
            throw new ArgumentException("--rerun-jobs goes with --reuse: a new register runs its jobs anyway.");
        }
        if (rerunJobs && postgres is null)
        {
            throw new ArgumentException("--rerun-jobs clears what the jobs wrote with PostgreSQL's VACUUM: it needs --postgres.");
        }
        var scratch = Directory.CreateTempSubdirectory("contractregie-scale-").FullName;
        try
        {
            var engine = postgres is null ? DatabaseEngine.Sqlite : DatabaseEngine.Postgres;
            var connectionString = postgres is null ? "Data Source=" + (sqlite ?? Path.Combine(scratch, "scale.db")) : AsRecommended(postgres);
            await using var host = new BenchmarkHost(engine.ToString(), connectionString, Path.Combine(scratch, "mail"));
            var report = new List<string>
            {
                $"### {size.Name} on {engine}{(postgres is null ? "" : " (" + PostgresSettings(connectionString) + ")")} ({Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})",
                "",
                "| step | time | peak working set | peak managed |",
                "|---|---|---|---|",
            };
            _ = host.Services; // starts the host, which migrates the empty database
            var admin = await host.SignInAsync(Role.Beheerder, "bench-beheerder");
            if (reuse)
            {
                report.Add(rerunJobs
                    ? "| (register of an earlier run reused: what its jobs wrote cleared, the jobs run again) | | | |"
                    : "| (register of an earlier run reused: no generation, no jobs) | | | |");
                if (rerunJobs)
                {
                    await ForgetJobOutputAsync(postgres!);
                    await RunJobsAsync(host, admin, report, output);
                }
            }
            else
            {
                await GenerateAndRunJobsAsync(host, size, admin, report, output);
            }
            var reader = await host.SignInAsync(Role.Lezer, "bench-lezer");
            var (contractId, providerId) = await FirstContractAsync(reader);
            // Financiën's start page ranks the kept budget positions; a year's first visit computes them if no job or
            // spending import has (after the jobs' runs they have, so only a reused register without them shows the cost).
            var finance = await host.SignInAsync(Role.Financien, "bench-financien");
            var firstVisit = 0.0;
            await MeasureAsync(report, "page / as Financien, first render", async () => firstVisit = await TimeAsync(finance, "/"),
                _ => Milliseconds(firstVisit));
            var pages = Pages.Select(page => (admin, page, "")).Append((finance, "/", " as Financien"))
                .Concat(ReaderPages(contractId, providerId, ScaleRegister.SpendingYear(host.Today)).Select(page => (reader, page, "")));
            foreach (var (client, page, who) in pages)
            {
                var times = new List<double>();
                await MeasureAsync(report, $"page {page}{who} ({PageRenders} renders, median)", async () =>
                {
                    for (var i = 0; i < PageRenders; i++)
                    {
                        times.Add(await TimeAsync(client, page));
                    }
                }, _ => Milliseconds(Percentile(times, 0.5)));
            }
            // What one request costs on its own, so the concurrent percentiles below read as service time plus queueing.
            foreach (var search in Searches)
            {
                var alone = new List<double>();
                await MeasureAsync(report, $"search {search}, one client ({PageRenders} requests, median)", async () =>
                {
                    for (var i = 0; i < PageRenders; i++)
                    {
                        alone.Add(await TimeAsync(reader, search));
                    }
                }, _ => Milliseconds(Percentile(alone, 0.5)));
            }
            var clients = new List<HttpClient>();
            for (var c = 0; c < Clients; c++)
            {
                clients.Add(await host.SignInAsync(Role.Lezer, "bench-lezer-" + c.ToString(CultureInfo.InvariantCulture)));
            }
            // The first round runs in the JIT's first-tier code, as only the first minutes after a start do; then one round
            // while the runtime recompiles the hot methods, and the steady state a host serves for the days it runs.
            async Task MeasureSearchesAsync(string round, int searchesPerClient = SearchesPerClient)
            {
                var latencies = new List<double>();
                await MeasureAsync(report, $"contract search, {Clients} clients × {searchesPerClient}, {round}: p50 / p95 / p99",
                    async () => latencies.AddRange(await SearchMixAsync(clients, searchesPerClient)),
                    _ => $"{Milliseconds(Percentile(latencies, 0.50))} / {Milliseconds(Percentile(latencies, 0.95))} / {Milliseconds(Percentile(latencies, 0.99))}");
            }
            await MeasureSearchesAsync("first round, just after start");
            await MeasureSearchesAsync("warming up", SteadySearchesPerClient);
            await MeasureSearchesAsync("steady", SteadySearchesPerClient);
            report.Add("");
            foreach (var line in report)
            {
                await output.WriteLineAsync(line);
            }
            if (Option(args, "--out") is { } file)
            {
                await File.AppendAllLinesAsync(file, [.. report, ""]);
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Every client searches <paramref name="searchesPerClient"/> times at once with the others, each starting elsewhere in the mix.</summary>
    private static async Task<IEnumerable<double>> SearchMixAsync(List<HttpClient> clients, int searchesPerClient) =>
        (await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            var mine = new List<double>(searchesPerClient);
            for (var i = 0; i < searchesPerClient; i++)
            {
                mine.Add(await TimeAsync(client, Searches[(c + i) % Searches.Length]));
            }
            return mine;
        })))).SelectMany(latencies => latencies);

    /// <summary>Writes the register, then times each job's first and second run and one dispatcher run of a full batch.</summary>
    private static async Task GenerateAndRunJobsAsync(BenchmarkHost host, ScaleSize size, HttpClient admin, List<string> report, TextWriter output)
    {
        await MeasureAsync(report, "generate register", async () =>
        {
            var pseudonym = ClientPseudonym.TryCreate(PseudonymKey, out _)!;
            await new ScaleRegister(host.Services, size, host.Today, pseudonym).WriteAsync(output);
        });
        await RunJobsAsync(host, admin, report, output);
    }

    /// <summary>Every job's first and second run, then one dispatcher run over freshly queued mails.</summary>
    private static async Task RunJobsAsync(BenchmarkHost host, HttpClient admin, List<string> report, TextWriter output)
    {
        foreach (var job in Jobs)
        {
            foreach (var run in new[] { "first", "second" })
            {
                string? failure = null;
                await MeasureAsync(report, $"job {job}, {run} run", async () => failure = await RunJobAsync(admin, job, output),
                    elapsed => failure is null ? null : Milliseconds(elapsed.TotalMilliseconds) + " " + failure);
            }
        }
        await QueueMailsAsync(host.Services, DispatchMails);
        string? dispatchFailure = null;
        await MeasureAsync(report, $"dispatch {DispatchMails} queued mails, one run",
            async () => dispatchFailure = await RunJobAsync(admin, "notification-dispatch", output),
            elapsed => $"{Milliseconds(elapsed.TotalMilliseconds)} "
                       + (dispatchFailure ?? $"({(DispatchMails / elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)} mails/s)"));
    }

    /// <summary>The README's setting for PostgreSQL with its data in memory or on SSD (the default 4 is for spinning disks).</summary>
    private const string RecommendedPostgresSetting = "random_page_cost=1.1";

    /// <summary>The README's pool: about four connections per core.</summary>
    private static readonly int RecommendedPoolSize = 4 * Environment.ProcessorCount;

    /// <summary>The names Npgsql takes for the pool's size.</summary>
    private static readonly string[] PoolSizeKeywords = ["Maximum Pool Size", "MaxPoolSize"];

    /// <summary>
    /// The host's sessions and pool set as the README recommends, so the benchmark measures the service as it is meant to
    /// run; a pool size the connection string names is kept (to compare).
    /// </summary>
    private static string AsRecommended(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = (builder.Options + " -c " + RecommendedPostgresSetting).Trim();
        // Npgsql's builder "contains" every keyword it knows; the plain builder holds only what the string names.
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!PoolSizeKeywords.Any(named.ContainsKey))
        {
            builder.MaxPoolSize = RecommendedPoolSize;
        }
        return builder.ConnectionString;
    }

    /// <summary>What the report's heading says the host ran with.</summary>
    private static string PostgresSettings(string connectionString) =>
        $"{RecommendedPostgresSetting}, Maximum Pool Size={new Npgsql.NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize}";

    /// <summary>
    /// Removes what the jobs and the benchmark's mail wrote (signals, their mail queue, mails, risk assessments, kept budget
    /// positions, job runs), so the register is as a generation leaves it for the jobs' first runs. (The jobs write nothing
    /// else; their audit entries, if any, do not steer them.)
    /// </summary>
    private static async Task ForgetJobOutputAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        string[] tables = ["notification_signal", "notification", "signal_mail", "signal", "provider_risk", "budget_position", "budget_position_year", "job_run"];
        foreach (var statement in tables.Select(table => $"DELETE FROM {table}").Concat(tables.Select(table => $"VACUUM ANALYZE {table}")))
        {
            // One at a time: VACUUM cannot run inside the transaction a batch of statements makes. Without it the first
            // run would meet the old rows' dead index entries and statistics of full tables.
            await using var command = new Npgsql.NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The register's first contract (every contract has generated spending) and its provider.</summary>
    private static async Task<(long ContractId, long ProviderId)> FirstContractAsync(HttpClient client)
    {
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/v1/contracts?pageSize=1"));
        var contract = page.RootElement.GetProperty("items")[0];
        return (contract.GetProperty("id").GetInt64(), contract.GetProperty("providerId").GetInt64());
    }

    /// <summary>
    /// Null when the run succeeded, else why not (a failed job is a result too, and the next one still runs). The run's summary
    /// (how many contracts, signals, mails) goes to the console.
    /// </summary>
    private static async Task<string?> RunJobAsync(HttpClient admin, string job, TextWriter output)
    {
        var response = await admin.PostAsync($"/api/v1/jobs/{job}/runs", null);
        var body = await response.Content.ReadAsStringAsync();
        var run = response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement : default;
        if (run.ValueKind == JsonValueKind.Object && run.GetProperty("outcome").GetString() == "Succeeded")
        {
            await output.WriteLineAsync($"    {job}: {run.GetProperty("summary").GetString()}");
            return null;
        }
        var why = run.ValueKind == JsonValueKind.Object ? run.GetProperty("summary").GetString() ?? "" : body;
        return $"FAILED ({(int)response.StatusCode}: {why[..Math.Min(why.Length, 160)].ReplaceLineEndings(" ").Replace('|', '/')})";
    }

    /// <summary>Short mails to the demo's people, as a first run's immediate mails would be; the dispatcher sends them with the configured transport.</summary>
    private static Task QueueMailsAsync(IServiceProvider services, int count)
    {
        var outbox = services.GetRequiredService<OutboxRepository>();
        return services.GetRequiredService<Database>().InTransactionAsync(async tx =>
        {
            for (var i = 0; i < count; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                await outbox.EnqueueAsync(new NotificationDraft("cm" + (i % 50).ToString(CultureInfo.InvariantCulture) + "@almelo.example",
                    "[ContractRegie] Benchmark " + n, "Tekst " + n, "<p>Tekst " + n + "</p>", [], "benchmark-dispatch:" + n), tx);
            }
            return count;
        });
    }

    /// <summary>Milliseconds to a complete answer, which must be a success.</summary>
    private static async Task<double> TimeAsync(HttpClient client, string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }
        // A refused page redirects to one that answers 200; that would time the wrong page.
        if (response.RequestMessage?.RequestUri is { } answered && answered.AbsolutePath != url.Split('?')[0])
        {
            throw new InvalidOperationException($"GET {url} ended at {answered.AbsolutePath}.");
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task MeasureAsync(List<string> report, string step, Func<Task> work, Func<TimeSpan, string?>? result = null)
    {
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {step}");
        var clock = Stopwatch.StartNew();
        PeakMemory memory;
        using (memory = PeakMemory.Start())
        {
            await work();
        }
        clock.Stop();
        var time = result?.Invoke(clock.Elapsed) is { } measured ? measured : Milliseconds(clock.Elapsed.TotalMilliseconds);
        report.Add($"| {step} | {time} | {memory.WorkingSetBytes / 1024 / 1024} MB | {memory.ManagedBytes / 1024 / 1024} MB |");
    }

    /// <summary>The nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Milliseconds(double ms) => ms >= 10_000
        ? (ms / 1000).ToString("0.0 's'", CultureInfo.InvariantCulture)
        : ms.ToString("0 'ms'", CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
