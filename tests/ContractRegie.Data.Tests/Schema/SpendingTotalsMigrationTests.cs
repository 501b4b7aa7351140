using ContractRegie.Core.Spending;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Schema;
using ContractRegie.Data.Spending;
using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Schema;

/// <summary>
/// Migrations 2026120401 and 2026120402 on a database with spending from before them: the reconciliation and the
/// rechtmatigheid then read the totals the migrations added up from the stored lines. On a fresh SQLite file, migrated
/// to just before them; the lines are written through the engine's bulk writer, as an import of that time wrote them.
/// </summary>
public sealed class SpendingTotalsMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("contractregie-totals-").FullName;

    [Fact]
    public async Task Spending_stored_before_the_totals_existed_is_reconciled_and_accounted_for_as_before()
    {
        var database = SqliteAtVersion.Create(Path.Combine(_directory, "totals.db"), 2026120301);
        var clock = new FixedClock(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var audit = new AuditTrail(database, new FixedActor("test"), clock);
        var contracts = new ContractRepository(database, audit, clock, TestBudgetPositions.On(database, clock));
        var spending = new SpendingRepository(database, contracts);
        var contractId = await contracts.InsertAsync(TestData.Contract(await new ProviderRepository(database, audit).InsertAsync(TestData.Provider())));
        SpendingLineRow Line(int number, string start, long cents, DebetCredit debetCredit = DebetCredit.Debet, SpendingException? exception = null)
        {
            var from = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
            return new SpendingLineRow(number, new SpendingLine
            {
                ProviderAgbCode = "12345678", MunicipalityCode = "0141", Law = Core.Contracts.Law.Wmo, ProductCategory = "45", ProductCode = "45A53",
                DeliveryStart = from, DeliveryEnd = from.AddMonths(1).AddDays(-1), Volume = 1, Unit = SpendingUnit.Uur, AmountCents = cents,
                DebetCredit = debetCredit, DeclarationNumber = "F" + number,
            }, contractId, exception);
        }
        await using (var connection = await database.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var importId = await spending.InsertImportAsync("oud", SpendingSource.Csv, "oud.csv", "f.smit", clock.GetUtcNow(), transaction);
            await using (var writer = await database.Dialect.BeginSpendingLinesAsync(transaction, importId, CancellationToken.None))
            {
                await writer.AddAsync(Line(2, "2025-01-01", 10_000), CancellationToken.None);
                await writer.AddAsync(Line(3, "2025-01-01", 3_000, DebetCredit.Credit), CancellationToken.None);
                await writer.AddAsync(Line(4, "2025-06-01", 5_000, exception: new SpendingException(SpendingExceptionKind.AmountDeviatesFromTariff, "Prijs wijkt af")),
                    CancellationToken.None);
                await writer.AddAsync(Line(5, "2024-12-01", 70_000), CancellationToken.None);
                await writer.AddAsync(Line(6, "2025-02-01", 90_000) with { ContractId = null }, CancellationToken.None);
                await writer.CompleteAsync(CancellationToken.None);
            }
            await transaction.CommitAsync();
        }

        SchemaMigrator.MigrateUp(database);

        // Observed up to 15 June: the June line (delivered up to 30 June) is spent, not yet observed.
        var input = await new ReconciliationReader(database).ReadAsync(new ReconciliationFilter(2025, ContractId: contractId), new DateOnly(2025, 6, 15), declarationLagDays: 0);
        var row = Assert.Single(input.Spending);
        Assert.Equal((contractId, "0141"), (row.ContractId, row.MunicipalityCode));
        Assert.Equal((12_000L, 7_000L, 5_000L), (row.SpentCents, row.ObservedCents, row.InInvestigationCents));
        Assert.Equal((3, 1), (row.LineCount, row.ExceptionCount));
        // The rechtmatigheid counts every line of the year, the unmatched one too.
        var lawfulness = Assert.Single(await spending.ReadLawfulnessAsync(2025, thresholdPercent: 3m));
        Assert.Equal((Core.Contracts.Law.Wmo, 102_000L), (lawfulness.Law, lawfulness.SpentCents));
        Assert.Equal((SpendingExceptionKind.AmountDeviatesFromTariff, 5_000L, 1), (Assert.Single(lawfulness.Amounts).Kind, lawfulness.Amounts[0].AmountCents, lawfulness.Amounts[0].LineCount));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
