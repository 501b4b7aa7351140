using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using ContractRegie.Core.Contracts;
using ContractRegie.Data;
using static ContractRegie.Benchmarks.BenchmarkSetup;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Import;
using ContractRegie.Data.Schema;
using ContractRegie.Data.Sql.Contracts;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace ContractRegie.Benchmarks;

/// <summary>
/// Imports generated provider and contract files through the real <see cref="RegisterImporter"/> on a fresh database and,
/// in the same run, loads the same rows plainly into the same indexed tables: binary COPY on PostgreSQL, one prepared
/// single-row INSERT in one transaction on SQLite (no parsing, checks or audit), timed for the contract rows alone and
/// with their municipalities and options. Prints rows per second of each, both ratios (target: at least half) and the
/// second import of the same files, which changes nothing.
/// </summary>
internal static class RegisterImportBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var contracts = IntOption(args, "--contracts") ?? 20_000;
        var generated = new GeneratedRegister(contracts, IntOption(args, "--providers") ?? contracts / 4);
        var postgres = Option(args, "--postgres");
        var scratch = Directory.CreateTempSubdirectory("contractregie-register-").FullName;
        try
        {
            var options = BenchmarkSetup.Database(postgres, Path.Combine(scratch, "register.db"));
            await using var services = new ServiceCollection()
                .AddContractRegieData(options)
                .AddSingleton<ICurrentActor>(new FixedActor("benchmark"))
                .BuildServiceProvider();
            var database = services.GetRequiredService<Database>();
            SchemaMigrator.MigrateUp(database);
            var importer = services.GetRequiredService<RegisterImporter>();
            var (providerCsv, contractCsv) = (generated.ProviderCsv(), generated.ContractCsv());

            await output.WriteLineAsync($"ContractRegie register import benchmark on {database.Engine}, {Environment.ProcessorCount} cores, "
                + $"{generated.Contracts:N0} contracts over {generated.Providers:N0} providers");
            await ImportAsync(importer, RegisterImportKind.Providers, providerCsv, "providers, first import ", output);
            // A service imports many files in its life: one small file and one small plain load first, so the measured ones
            // run compiled code, not the JIT's first tier.
            var warmUp = new GeneratedRegister(WarmUpContracts, generated.Providers);
            await ImportAsync(importer, RegisterImportKind.Contracts, warmUp.ContractCsv("W-"), "warm-up: contracts, import  ", output);
            await output.WriteLineAsync(Describe("warm-up: contracts, plain load", WarmUpContracts, (await PlainLoadAsync(database, warmUp, "Q-")).All));
            // The runtime compiles the methods it found hot again in the background, once it has had a pause in compiling new ones.
            await Task.Delay(TimeSpan.FromSeconds(2));
            // Loaded first, so the import pays for the larger table and indexes, not the baseline.
            var plain = await PlainLoadAsync(database, generated, "P-");
            await output.WriteLineAsync(Describe("contracts, plain bulk load (contract rows only)", generated.Contracts, plain.Contracts));
            await output.WriteLineAsync(Describe("contracts, plain bulk load (with municipalities and options)", generated.Contracts, plain.All));
            var first = await ImportAsync(importer, RegisterImportKind.Contracts, contractCsv, "contracts, first import ", output);
            await ImportAsync(importer, RegisterImportKind.Contracts, contractCsv, "contracts, second import", output);
            await ImportAsync(importer, RegisterImportKind.Providers, providerCsv, "providers, second import", output);
            await output.WriteLineAsync(Ratio("first contract import / plain load of the contract rows", plain.Contracts / first));
            await output.WriteLineAsync(Ratio("first contract import / plain load of the same rows (contracts, municipalities, options)", plain.All / first));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    private const int WarmUpContracts = 1_000;

    private static string Ratio(string what, double ratio) =>
        $"ratio {what}: {ratio.ToString("0.00", CultureInfo.InvariantCulture)} (target >= 0.50: {(ratio >= 0.5 ? "met" : "NOT met")})";

    private static async Task<TimeSpan> ImportAsync(RegisterImporter importer, RegisterImportKind kind, byte[] csv, string name, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var report = await importer.ImportAsync(kind, new MemoryStream(csv));
        clock.Stop();
        if (!report.Succeeded)
        {
            throw new InvalidOperationException($"The {name} failed: {string.Join("; ", report.Errors.Take(5))}");
        }
        await output.WriteLineAsync(Describe(name, report.RowsRead, clock.Elapsed)
            + $" ({report.Inserted:N0} inserted, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged)");
        return clock.Elapsed;
    }

    /// <summary>
    /// The same contracts, already made with their key dates, under other numbers (the file's are taken by then) in one
    /// transaction: first the contract rows alone (the time of <c>Contracts</c>), then their new ids by number and their
    /// municipalities and options, as any load of the file's rows must (the time of <c>All</c>).
    /// </summary>
    private static async Task<(TimeSpan Contracts, TimeSpan All)> PlainLoadAsync(Database database, GeneratedRegister generated, string numberPrefix)
    {
        await using var connection = await database.OpenAsync();
        var providers = (await connection.QueryAsync<(long Id, string AgbCode, string Name)>("SELECT id, agb_code, name FROM provider"))
            .ToDictionary(p => p.AgbCode, StringComparer.Ordinal);
        var contracts = Enumerable.Range(0, generated.Contracts).Select(i => generated.Contract(i, numberPrefix)).ToList();
        var rows = contracts.Select(row => Values(row.Contract with { ProviderId = providers[row.AgbCode].Id }, providers[row.AgbCode].Name)).ToList();
        var maxId = await connection.ExecuteScalarAsync<long>(ContractSql.MaxId);
        await using var transaction = await connection.BeginTransactionAsync();
        var clock = Stopwatch.StartNew();
        await LoadAsync(transaction, ContractTable, rows);
        var contractRows = clock.Elapsed;
        var ids = (await connection.QueryAsync<(long Id, string ContractNumber)>(ContractSql.IdsAfter, new { AfterId = maxId }, transaction))
            .ToDictionary(row => row.ContractNumber, row => row.Id, StringComparer.Ordinal);
        await LoadAsync(transaction, MunicipalityTable,
            [.. contracts.SelectMany(row => row.Contract.Municipalities.Select(code => new object?[] { ids[row.Contract.ContractNumber], code }))]);
        await LoadAsync(transaction, OptionTable, [.. contracts.SelectMany(row => row.Contract.ExtensionOptions
            .Select(o => new object?[] { ids[row.Contract.ContractNumber], o.Sequence, o.DurationMonths, o.Exercised }))]);
        await transaction.CommitAsync();
        return (contractRows, clock.Elapsed);
    }

    /// <summary>Binary COPY on PostgreSQL, one prepared INSERT refilled per row elsewhere.</summary>
    private static Task LoadAsync(DbTransaction transaction, PlainTable table, List<object?[]> rows) =>
        transaction.Connection is NpgsqlConnection npgsql ? CopyAsync(npgsql, table, rows) : InsertAsync(transaction, table, rows);

    private sealed record PlainTable(string Name, (string Column, NpgsqlDbType Type)[] Columns);

    private static readonly PlainTable ContractTable = new("contract",
    [
        ("contract_number", NpgsqlDbType.Varchar), ("title", NpgsqlDbType.Varchar), ("provider_id", NpgsqlDbType.Bigint),
        ("kind", NpgsqlDbType.Varchar), ("law", NpgsqlDbType.Varchar), ("procurement_route", NpgsqlDbType.Varchar),
        ("start_date", NpgsqlDbType.Date), ("initial_end_date", NpgsqlDbType.Date), ("notice_period_months", NpgsqlDbType.Integer),
        ("procurement_lead_time_months", NpgsqlDbType.Integer), ("contract_owner", NpgsqlDbType.Varchar), ("contract_manager", NpgsqlDbType.Varchar),
        ("tactisch_inkoper", NpgsqlDbType.Varchar), ("status", NpgsqlDbType.Varchar), ("current_end", NpgsqlDbType.Date),
        ("decision_deadline", NpgsqlDbType.Date), ("procurement_start_deadline", NpgsqlDbType.Date), ("next_deadline", NpgsqlDbType.Date),
        ("latest_decision", NpgsqlDbType.Varchar), ("updated_at", NpgsqlDbType.Timestamp), ("search_text", NpgsqlDbType.Varchar),
    ]);

    private static readonly PlainTable MunicipalityTable = new("contract_municipality",
        [("contract_id", NpgsqlDbType.Bigint), ("municipality_code", NpgsqlDbType.Varchar)]);

    private static readonly PlainTable OptionTable = new("extension_option",
        [("contract_id", NpgsqlDbType.Bigint), ("sequence", NpgsqlDbType.Integer), ("duration_months", NpgsqlDbType.Integer), ("exercised", NpgsqlDbType.Boolean)]);

    /// <summary>In the order of <see cref="ContractTable"/>'s columns, which is the order of <see cref="ContractSql.Insert"/>'s parameters.</summary>
    private static object?[] Values(Contract c, string providerName)
    {
        var keyDates = c.KeyDates;
        return
        [
            c.ContractNumber, c.Title, c.ProviderId, c.Kind.ToString(), c.Law.ToString(), c.ProcurementRoute.ToString(), c.StartDate,
            c.InitialEndDate, c.NoticePeriodMonths, c.ProcurementLeadTimeMonths, c.ContractOwner, c.ContractManager, c.TactischInkoper,
            c.Status.ToString(), keyDates.CurrentEnd, keyDates.DecisionDeadline, keyDates.ProcurementStartDeadline,
            ContractRepository.NextDeadline(keyDates), null, DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified),
            ContractSearchText.Of(c.Title, c.ContractNumber, providerName),
        ];
    }

    private static async Task CopyAsync(NpgsqlConnection connection, PlainTable table, List<object?[]> rows)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            for (var i = 0; i < table.Columns.Length; i++)
            {
                if (row[i] is { } value)
                {
                    await writer.WriteAsync(value, table.Columns[i].Type);
                }
                else
                {
                    await writer.WriteNullAsync();
                }
            }
        }
        await writer.CompleteAsync();
    }

    /// <summary>One prepared INSERT, its parameters made once and refilled per row: SQLite's fastest plain load.</summary>
    private static async Task InsertAsync(DbTransaction transaction, PlainTable table, List<object?[]> rows)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Column))}) VALUES ({string.Join(", ", table.Columns.Select(c => "@" + c.Column))})";
        foreach (var (column, _) in table.Columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            command.Parameters.Add(parameter);
        }
        await command.PrepareAsync();
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Length; i++)
            {
                command.Parameters[i].Value = row[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string Describe(string what, int rows, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: {rows,7:N0} rows in {elapsed.TotalSeconds,6:0.00} s, {rows / elapsed.TotalSeconds,8:N0} rows/s");
}
