using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;

namespace ContractRegie.Data.Import;

/// <summary>
/// Imports a register CSV file (the register itself, or what providers report about it) (see <see cref="RegisterColumns"/>) all or nothing: every row is read and
/// checked first (values, the domain's rules, references, duplicate keys within the file), and only a
/// file without a single error is written, in one transaction. Rows are matched on their natural key:
/// new ones are inserted, changed ones updated and equal ones left alone, so importing a file twice
/// changes nothing the second time.
/// </summary>
public sealed class RegisterImporter(
    Database database,
    ProviderRepository providers,
    ContractRepository contracts,
    ContractTermsRepository terms,
    OutcomeMeasurementRepository measurements,
    FinancialStatementRepository statements,
    TimeProvider time,
    ProcurementLeadTimes leadTimes)
{
    public Task<ImportReport> ImportAsync(RegisterImportKind kind, Stream csv, CancellationToken cancellationToken = default) =>
        kind switch
        {
            RegisterImportKind.Providers => ImportAsync(kind, new ProviderImport(providers), csv, cancellationToken),
            RegisterImportKind.Contracts => ImportAsync(kind, new ContractImport(providers, contracts, time.Today(), leadTimes), csv, cancellationToken),
            RegisterImportKind.Tariffs => ImportAsync(kind, new TariffImport(contracts, terms), csv, cancellationToken),
            RegisterImportKind.OutcomeMeasurements =>
                ImportAsync(kind, new OutcomeMeasurementImport(contracts, terms, measurements, time.Today()), csv, cancellationToken),
            RegisterImportKind.FinancialStatements => ImportAsync(kind, new FinancialStatementImport(providers, statements, time.Today()), csv, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

    private async Task<ImportReport> ImportAsync<TRow>(
        RegisterImportKind kind, RegisterImport<TRow> import, Stream csv, CancellationToken cancellationToken) where TRow : class
    {
        var errors = new ImportErrorList();
        var file = await ReadAsync(import, csv, errors, cancellationToken);
        if (!file.Complete)
        {
            return ImportReport.Rejected(kind, file.RowsRead, errors.InLineOrder());
        }
        return await database.InTransactionAsync(async transaction =>
        {
            await import.ReadStoredAsync([.. file.Rows.Select(r => r.Row)], transaction);
            var plans = new List<PlannedWrite>();
            foreach (var (line, row) in file.Rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await import.PlanAsync(line, row, errors, transaction) is { } plan)
                {
                    plans.Add(plan);
                }
            }
            if (errors.Count > 0)
            {
                return ImportReport.Rejected(kind, file.RowsRead, errors.InLineOrder());
            }
            await import.WriteAsync(plans, transaction);
            return new ImportReport(kind, file.RowsRead,
                Inserted: plans.Count(p => p.Change == ImportChange.Insert),
                Updated: plans.Count(p => p.Change == ImportChange.Update),
                Unchanged: plans.Count(p => p.Change == ImportChange.Unchanged),
                Errors: []);
        }, cancellationToken);
    }

    /// <summary>
    /// The rows that could be read, each with the line it starts on. Not complete when the header or the
    /// CSV itself is broken: then the rows cannot be trusted to line up and are not checked further.
    /// </summary>
    private static async Task<ReadFile<TRow>> ReadAsync<TRow>(
        RegisterImport<TRow> import, Stream csv, ImportErrorList errors, CancellationToken cancellationToken) where TRow : class
    {
        var rows = new List<(int Line, TRow Row)>();
        using var table = await CsvTable.OpenAsync(csv, import.Columns, errors, cancellationToken);
        if (table is null)
        {
            return new ReadFile<TRow>(rows, 0, Complete: false);
        }
        try
        {
            var firstLineByKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (await table.ReadAsync(errors, cancellationToken) is { } record)
            {
                if (import.Parse(record) is not { } row)
                {
                    continue;
                }
                if (!firstLineByKey.TryAdd(import.NaturalKey(row), record.Line))
                {
                    errors.Add(record.Line, import.KeyColumn.Name, import.DuplicateMessage(firstLineByKey[import.NaturalKey(row)]));
                    continue;
                }
                rows.Add((record.Line, row));
            }
            return new ReadFile<TRow>(rows, table.RowsRead, Complete: true);
        }
        catch (CsvFormatException broken)
        {
            errors.Add(broken.Line, null, broken.Message);
            return new ReadFile<TRow>(rows, table.RowsRead, Complete: false);
        }
    }

    private sealed record ReadFile<TRow>(IReadOnlyList<(int Line, TRow Row)> Rows, int RowsRead, bool Complete);
}
