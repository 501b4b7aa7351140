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
/// in the same run, loads the same contract rows plainly into the same indexed contract table: binary COPY on PostgreSQL,
/// one prepared single-row INSERT in one transaction on SQLite (no parsing, checks, children or audit). Prints rows per
/// second of both, the ratio (target: at least half) and the second import of the same files, which changes nothing.
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
            // Loaded first, so the import pays for the larger table and indexes, not the baseline.
            var plain = await PlainLoadAsync(database, generated);
            await output.WriteLineAsync(Describe("contracts, plain bulk load", generated.Contracts, plain));
            var first = await ImportAsync(importer, RegisterImportKind.Contracts, contractCsv, "contracts, first import ", output);
            await ImportAsync(importer, RegisterImportKind.Contracts, contractCsv, "contracts, second import", output);
            await ImportAsync(importer, RegisterImportKind.Providers, providerCsv, "providers, second import", output);
            var ratio = plain / first;
            await output.WriteLineAsync($"ratio first contract import / plain bulk load: {ratio.ToString("0.00", CultureInfo.InvariantCulture)} "
                + $"(target >= 0.50: {(ratio >= 0.5 ? "met" : "NOT met")})");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

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
    /// The same contracts, already made with their key dates, under other numbers (the file's are taken by then) into the
    /// contract table in one transaction.
    /// </summary>
    private static async Task<TimeSpan> PlainLoadAsync(Database database, GeneratedRegister generated)
    {
        await using var connection = await database.OpenAsync();
        var providers = (await connection.QueryAsync<(long Id, string AgbCode, string Name)>("SELECT id, agb_code, name FROM provider"))
            .ToDictionary(p => p.AgbCode, StringComparer.Ordinal);
        var rows = Enumerable.Range(0, generated.Contracts).Select(i => generated.Contract(i, "P-"))
            .Select(row => Values(row.Contract with { ProviderId = providers[row.AgbCode].Id }, providers[row.AgbCode].Name)).ToList();
        await using var transaction = await connection.BeginTransactionAsync();
        var clock = Stopwatch.StartNew();
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, rows);
        }
        else
        {
            await InsertAsync(transaction, rows);
        }
        await transaction.CommitAsync();
        return clock.Elapsed;
    }

    private static readonly (string Column, NpgsqlDbType Type)[] Columns =
    [
        ("contract_number", NpgsqlDbType.Varchar), ("title", NpgsqlDbType.Varchar), ("provider_id", NpgsqlDbType.Bigint),
        ("kind", NpgsqlDbType.Varchar), ("law", NpgsqlDbType.Varchar), ("procurement_route", NpgsqlDbType.Varchar),
        ("start_date", NpgsqlDbType.Date), ("initial_end_date", NpgsqlDbType.Date), ("notice_period_months", NpgsqlDbType.Integer),
        ("procurement_lead_time_months", NpgsqlDbType.Integer), ("contract_owner", NpgsqlDbType.Varchar), ("contract_manager", NpgsqlDbType.Varchar),
        ("tactisch_inkoper", NpgsqlDbType.Varchar), ("status", NpgsqlDbType.Varchar), ("current_end", NpgsqlDbType.Date),
        ("decision_deadline", NpgsqlDbType.Date), ("procurement_start_deadline", NpgsqlDbType.Date), ("next_deadline", NpgsqlDbType.Date),
        ("latest_decision", NpgsqlDbType.Varchar), ("updated_at", NpgsqlDbType.Timestamp), ("search_text", NpgsqlDbType.Varchar),
    ];

    /// <summary>In the order of <see cref="Columns"/>, which is the order of <see cref="ContractSql.Insert"/>'s parameters.</summary>
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

    private static async Task CopyAsync(NpgsqlConnection connection, List<object?[]> rows)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY contract ({string.Join(", ", Columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            for (var i = 0; i < Columns.Length; i++)
            {
                if (row[i] is { } value)
                {
                    await writer.WriteAsync(value, Columns[i].Type);
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
    private static async Task InsertAsync(DbTransaction transaction, List<object?[]> rows)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO contract ({string.Join(", ", Columns.Select(c => c.Column))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c.Column))})";
        foreach (var (column, _) in Columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            command.Parameters.Add(parameter);
        }
        await command.PrepareAsync();
        foreach (var row in rows)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                command.Parameters[i].Value = row[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string Describe(string what, int rows, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: {rows,7:N0} rows in {elapsed.TotalSeconds,6:0.00} s, {rows / elapsed.TotalSeconds,8:N0} rows/s");
}
