using System.Data.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Spending;

namespace ContractRegie.Data.Import;

/// <summary>What an allocation import did; on Rejected nothing was written and <see cref="Errors"/> says why per line.</summary>
public sealed record AllocationImportReport(
    SpendingImportOutcome Outcome, AllocationSource? Source, long? ImportId, int AllocationsRead, int Inserted, int Updated, string Message,
    IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports the municipality's allocations, a WMO301/JW301 message or the allocation CSV, with the rules of the spending
/// import: no key no import, DTDs off, one transaction, all or nothing, and the same file again (by SHA-256) changes
/// nothing. An allocation number sent again replaces that allocation. Only the pseudonym and the allocation itself are
/// kept; the audit entry holds the counts, never a client.
/// </summary>
public sealed class AllocationImporter(
    Database database, AllocationRepository allocations, AuditTrail audit, ICurrentActor actor, SpendingOptions options, TimeProvider time)
{
    public async Task<AllocationImportReport> ImportAsync(Stream file, string? fileName, CancellationToken cancellationToken = default)
    {
        using var pseudonym = ClientPseudonym.TryCreate(options.PseudonymKey, out var keyProblem);
        if (pseudonym is null)
        {
            return Rejected(null, 0, [new ImportError(0, null, keyProblem!)]);
        }
        await using var spooled = await SpooledFile.CopyAsync(file, cancellationToken);
        if (await allocations.ReadImportByHashAsync(spooled.Hash) is { } earlier)
        {
            return AlreadyImported(earlier);
        }
        var errors = new ImportErrorList();
        var (source, read, rowsRead) = spooled.LooksLikeXml()
            ? ReadMessage(spooled.Stream, pseudonym, errors)
            : await ReadCsvAsync(spooled.Stream, pseudonym, errors, cancellationToken);
        foreach (var twice in read.GroupBy(a => (a.Allocation.MunicipalityCode, a.Allocation.ProviderAgbCode, a.Allocation.AllocationNumber)).Where(g => g.Count() > 1))
        {
            errors.Add(twice.ElementAt(1).Line, "toewijzingnummer",
                $"Toewijzingnummer {twice.Key.AllocationNumber} staat al op regel {twice.First().Line} van dit bestand.");
        }
        if (errors.Count > 0 || source is null)
        {
            return Rejected(source, rowsRead, errors.InLineOrder());
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long importId;
        try
        {
            importId = await allocations.InsertImportAsync(spooled.Hash, source.Value, fileName, read.Count, actor.Name, time.GetUtcNow(), transaction);
        }
        catch (DbException error) when (database.Dialect.IsConstraintViolation(error))
        {
            await transaction.RollbackAsync(cancellationToken);
            return AlreadyImported((await allocations.ReadImportByHashAsync(spooled.Hash))!);
        }
        var inserted = 0;
        foreach (var (_, allocation) in read)
        {
            inserted += await allocations.UpsertAsync(importId, allocation, transaction) ? 1 : 0;
        }
        var updated = read.Count - inserted;
        await allocations.UpdateImportCountsAsync(importId, inserted, updated, transaction);
        await audit.AppendAsync(transaction, AuditAction.Create, "allocation_import", importId, null,
            new { Source = source, FileName = fileName, FileHash = spooled.Hash, AllocationsRead = read.Count, Inserted = inserted, Updated = updated });
        await transaction.CommitAsync(cancellationToken);
        return new AllocationImportReport(SpendingImportOutcome.Imported, source, importId, read.Count, inserted, updated,
            $"{read.Count} {(read.Count == 1 ? "toewijzing" : "toewijzingen")} geïmporteerd: {inserted} nieuw, {updated} gewijzigd.", []);
    }

    private static (AllocationSource?, List<ReadAllocation>, int) ReadMessage(Stream stream, ClientPseudonym pseudonym, ImportErrorList errors)
    {
        var (source, read) = AllocationMessageReader.Read(stream, pseudonym, errors);
        return (source, read, read.Count);
    }

    private static async Task<(AllocationSource?, List<ReadAllocation>, int)> ReadCsvAsync(
        Stream stream, ClientPseudonym pseudonym, ImportErrorList errors, CancellationToken cancellationToken)
    {
        var (rowsRead, read) = await AllocationCsvReader.ReadAsync(stream, pseudonym, errors, cancellationToken);
        return (AllocationSource.Csv, read, rowsRead);
    }

    private static AllocationImportReport AlreadyImported(AllocationImport earlier) =>
        new(SpendingImportOutcome.AlreadyImported, earlier.Source, earlier.Id, earlier.AllocationsRead, 0, 0,
            $"Dit bestand is al geïmporteerd op {earlier.ImportedAt:dd-MM-yyyy HH:mm} UTC (import {earlier.Id}); er is niets gewijzigd.", []);

    private static AllocationImportReport Rejected(AllocationSource? source, int read, IReadOnlyList<ImportError> errors) =>
        new(SpendingImportOutcome.Rejected, source, null, read, 0, 0,
            $"Import afgewezen: {errors.Count} {(errors.Count == 1 ? "fout" : "fouten")}; er is niets opgeslagen.", errors);
}
