using System.Data.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Spending;

namespace ContractRegie.Data.Import;

/// <summary>
/// Imports a spending file, the financial administration's CSV or a WMO323/JW323 declaration, all or nothing in one
/// transaction. Lines stream from the file into the engine's bulk load, each matched to a contract on the way (exceptions are
/// stored with the line); any rejected line or a wrong declaration total rolls the whole import back. The same file
/// again, recognised by its SHA-256, changes nothing; a declaration number the provider used before is refused. BSNs
/// are pseudonymised by the readers and no import starts without the key. The kept <see cref="BudgetPositions"/> of the
/// providers it spent on are computed again in the import's transaction, so the start page never ranks without the new spending.
/// </summary>
public sealed class SpendingImporter(
    Database database, SpendingRepository spending, BudgetPositions positions, AuditTrail audit, ICurrentActor actor, SpendingOptions options,
    TimeProvider time)
{
    /// <summary>Enough to fix a file by; reading on would only grow the report.</summary>
    public const int MaxErrors = 500;

    public async Task<SpendingImportReport> ImportAsync(Stream file, string? fileName, CancellationToken cancellationToken = default)
    {
        using var pseudonym = ClientPseudonym.TryCreate(options.PseudonymKey, out var keyProblem);
        if (pseudonym is null)
        {
            return SpendingImportReport.Rejected(null, 0, keyProblem!, [new ImportError(0, null, keyProblem!)]);
        }
        await using var spooled = await SpooledFile.CopyAsync(file, cancellationToken);
        if (await spending.ReadImportByHashAsync(spooled.Hash) is { } earlier)
        {
            return AlreadyImported(earlier);
        }
        var errors = new ImportErrorList();
        using var reader = spooled.LooksLikeXml()
            ? (ISpendingReader?)DeclarationMessageReader.Open(spooled.Stream, pseudonym, errors)
            : await SpendingCsvReader.OpenAsync(spooled.Stream, pseudonym, errors, cancellationToken);
        if (reader is null)
        {
            return Rejected(null, 0, errors);
        }
        var matcher = new SpendingMatcher(await spending.ReadMatchableContractsAsync(), options.Tolerance);
        var allocationChecker = await spending.ReadAllocationCheckerAsync();

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long importId;
        try
        {
            importId = await spending.InsertImportAsync(spooled.Hash, reader.Source, fileName, actor.Name, time.GetUtcNow(), transaction);
        }
        catch (DbException error) when (database.Dialect.IsConstraintViolation(error))
        {
            // The same file uploaded at the same moment: the other upload won the unique file hash and imports it.
            await transaction.RollbackAsync(cancellationToken);
            return AlreadyImported((await spending.ReadImportByHashAsync(spooled.Hash))!);
        }
        if (reader.Declaration is { } declaration)
        {
            if (await spending.ReadDeclarationAsync(declaration.ProviderAgbCode, declaration.DeclarationNumber, transaction) is { } before)
            {
                errors.Add(0, "DeclaratieNummer",
                    $"Declaratie {declaration.DeclarationNumber} van zorgaanbieder {declaration.ProviderAgbCode} is al geïmporteerd op "
                    + $"{before.ImportedAt:dd-MM-yyyy} (import {before.ImportId}); een declaratienummer wordt maar één keer verwerkt.");
                return Rejected(reader.Source, 0, errors);
            }
            await spending.InsertDeclarationAsync(importId, declaration, transaction);
        }
        var written = await WriteLinesAsync(reader, matcher, allocationChecker, importId, errors, transaction, cancellationToken);
        reader.Complete(errors);
        if (errors.Count > 0)
        {
            // Disposing the transaction without committing rolls back the import row and every line written so far.
            return Rejected(reader.Source, reader.LinesRead, errors);
        }
        await spending.UpdateImportCountsAsync(importId, reader.LinesRead, written.Lines, written.Exceptions, written.TotalCents, transaction);
        await positions.RecomputeAfterImportAsync(importId, transaction);
        var report = new SpendingImportReport(SpendingImportOutcome.Imported, reader.Source, importId, reader.LinesRead, written.Lines,
            written.Exceptions, written.TotalCents,
            $"{written.Lines} {(written.Lines == 1 ? "regel" : "regels")} geïmporteerd, waarvan {written.Exceptions} met een uitzondering.", []);
        await audit.AppendAsync(transaction, AuditAction.Create, "spending_import", importId, null,
            new { report.Source, FileName = fileName, FileHash = spooled.Hash, report.LinesRead, report.LinesImported, report.ExceptionCount, report.TotalCents });
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    private static SpendingImportReport AlreadyImported(SpendingImport earlier) =>
        new(SpendingImportOutcome.AlreadyImported, earlier.Source, earlier.Id, earlier.LinesRead, 0, 0, 0,
            $"Dit bestand is al geïmporteerd op {earlier.ImportedAt:dd-MM-yyyy HH:mm} UTC (import {earlier.Id}); er is niets gewijzigd.", []);

    private async Task<(int Lines, int Exceptions, long TotalCents)> WriteLinesAsync(ISpendingReader reader, SpendingMatcher matcher,
        AllocationChecker allocationChecker, long importId,
        ImportErrorList errors, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Read before the lines start: on PostgreSQL the connection is busy with the COPY until the writer completes.
        var lastIdBefore = await spending.ReadMaxLineIdAsync(transaction);
        await using var writer = await database.Dialect.BeginSpendingLinesAsync(transaction, importId, cancellationToken);
        var limits = options.Limits;
        var exceptions = 0;
        var total = 0L;
        while (errors.Count < MaxErrors && await reader.ReadAsync(errors, cancellationToken) is { } read)
        {
            var line = read.Spending;
            foreach (var problem in limits.Check(line))
            {
                errors.Add(read.Line, FieldName(reader, problem.Field), problem.Message);
            }
            if (errors.Count > 0)
            {
                // The import is lost already: keep reading to report every problem, but stop writing.
                continue;
            }
            var match = matcher.Match(line);
            // Every line counts towards its allocation's volume; the contract's exception, if any, is the one the line keeps.
            var allocation = allocationChecker.Check(line);
            var exception = match.Exceptions.FirstOrDefault() ?? allocation.Exception;
            exceptions += exception is null ? 0 : 1;
            total += line.SignedAmountCents;
            await writer.AddAsync(new SpendingLineRow(read.Line, line, match.ContractId, exception, allocation.AllocationId), cancellationToken);
        }
        if (errors.Count >= MaxErrors)
        {
            errors.Add(0, null, $"Na {MaxErrors} fouten is het lezen gestopt; de fouten hieronder zijn de eerste {MaxErrors}.");
        }
        await writer.CompleteAsync(cancellationToken);
        if (reader.Declaration is null && errors.Count == 0)
        {
            // A 323's number was checked before its lines; a CSV's invoice numbers are checked against earlier imports here.
            exceptions += await spending.MarkDuplicateNumbersAsync(importId, lastIdBefore,
                "Dit factuurnummer van deze zorgaanbieder staat al in een eerdere import (dubbel gedeclareerd).", transaction);
        }
        if (errors.Count == 0)
        {
            exceptions += await spending.MarkUnmatchedCreditsAsync(importId, lastIdBefore,
                "Deze creditregel draait geen gedeclareerde regel van dezelfde cliënt, hetzelfde product, dezelfde periode en hetzelfde bedrag terug.",
                transaction);
            exceptions += await spending.MarkDuplicateClientPeriodsAsync(importId, lastIdBefore,
                "Dezelfde cliënt, hetzelfde product en dezelfde periode zijn al eerder gedeclareerd (dubbel gedeclareerd).", transaction);
            await spending.AddTotalsAsync(importId, lastIdBefore, transaction);
        }
        return (writer.Written, exceptions, total);
    }

    /// <summary>The field as the file names it: the CSV column or the 323 element.</summary>
    private static string FieldName(ISpendingReader reader, SpendingLineField field) => (reader.Declaration is null, field) switch
    {
        (true, SpendingLineField.Amount) => SpendingColumns.Bedrag.Name,
        (true, _) => SpendingColumns.Volume.Name,
        (false, SpendingLineField.Amount) => "IngediendBedrag",
        _ => "GeleverdVolume",
    };

    private static SpendingImportReport Rejected(SpendingSource? source, int linesRead, ImportErrorList errors) =>
        SpendingImportReport.Rejected(source, linesRead,
            $"Import afgewezen: {errors.Count} {(errors.Count == 1 ? "fout" : "fouten")}; er is niets opgeslagen.", errors.InLineOrder());
}
