using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Import;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Spending;
using ContractRegie.Data.Tests.Infrastructure;
using Dapper;
using static ContractRegie.Data.Tests.Infrastructure.TestPseudonymKey;

namespace ContractRegie.Data.Tests.Spending;

/// <summary>
/// What <see cref="BudgetPositions"/> promises on every engine: the first read of a year ranks every budget of the year
/// by exhaustion, and from then on each write that changes a budget or its spending changes the ranking in the same
/// transaction. "Today" is 1 June 2025 (<see cref="EngineTests{TDatabase}.ContractDay"/>); every contract is Wmo 2024–2026
/// with 45/45A53 at € 72,50 per hour.
/// </summary>
public abstract class BudgetPositionsContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private ContractRepository Contracts => new(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay));
    private ContractTermsRepository Terms => new(Database, Audit, Positions);
    private SpendingImporter Importer => new(Database, new SpendingRepository(Database, Contracts), Positions, Audit, new FixedActor("f.smit"),
        new SpendingOptions { PseudonymKey = Key }, ContractDay);

    [EngineFact]
    public async Task The_first_read_ranks_the_years_budgets_and_budget_share_key_and_spending_writes_rerank_them()
    {
        var (agb, first) = await ContractAsync(ContractKind.Lokaal, ["0141", "1735"]);
        var firstBudget = await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = first, Year = 2025, MunicipalityCode = "0141", AmountCents = 100_000 });
        await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = first, Year = 2025, MunicipalityCode = "1735", AmountCents = 10_000 });
        await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = first, Year = 2024, MunicipalityCode = "0141", AmountCents = 500 });
        var (_, regional) = await ContractAsync(ContractKind.RegionaalOzjt, ["0141", "1735"]);
        await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = regional, Year = 2025, MunicipalityCode = "0141", AmountCents = 200_000 });
        // 10 hours for 0141 (€ 725 of € 1.000) and 2 for 1735 (€ 145 of € 100), in 2025; 1 hour in 2024, another year.
        await ImportAsync(
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;10;uur;725,00;;F1;R1;;",
            $"{agb};1735;Wmo;45;45A53;01-03-2025;31-03-2025;2;uur;145,00;;F2;R2;;",
            $"{agb};0141;Wmo;45;45A53;01-03-2024;31-03-2024;1;uur;72,50;;F3;R3;;");

        Assert.Equal(
            [(first, "1735", 10_000L, 14_500L, 145.0m), (first, "0141", 100_000L, 72_500L, 72.5m), (regional, "0141", 200_000L, 0L, 0.0m)],
            await RankingAsync(first, regional));

        var budget = (await Terms.ReadBudgetAsync(first, firstBudget))!;
        Assert.Equal(WriteResult.Written, await Terms.UpdateBudgetAsync(budget with { AmountCents = 50_000 }));
        await new BudgetShareKeyRepository(Database, Audit, Positions).InsertAsync(
            new BudgetShareKey { ContractId = regional, Shares = [new("0141", 25m), new("1735", 75m)] });

        // € 725 of € 500 is 145 %, a tie with 1735, which comes later by its code.
        Assert.Equal(
            [(first, "0141", 50_000L, 72_500L, 145.0m), (first, "1735", 10_000L, 14_500L, 145.0m), (regional, "0141", 50_000L, 0L, 0.0m),
             (regional, "1735", 150_000L, 0L, 0.0m)],
            await RankingAsync(first, regional));

        await ImportAsync($"{agb};1735;Wmo;45;45A53;01-04-2025;30-04-2025;2;uur;-145,00;;F4;R4;;");
        Assert.Equal(WriteResult.Written, await Terms.DeleteBudgetAsync(first, firstBudget, budget.RowVersion + 1));

        // The credit takes 1735 back to nothing spent; without a budget 0141 has nothing to exhaust.
        Assert.Equal(
            [(first, "1735", 10_000L, 0L, 0.0m), (regional, "0141", 50_000L, 0L, 0.0m), (regional, "1735", 150_000L, 0L, 0.0m)],
            await RankingAsync(first, regional));
    }

    [EngineFact]
    public async Task An_import_that_spends_on_more_providers_than_are_computed_one_by_one_computes_the_whole_year()
    {
        var spenders = new List<(string Agb, long ContractId)>();
        for (var i = 0; i <= BudgetPositions.ProvidersOneByOne; i++)
        {
            spenders.Add(await ContractAsync(ContractKind.Lokaal, ["0141"]));
            await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = spenders[i].ContractId, Year = 2025, MunicipalityCode = "0141", AmountCents = 100_000 });
        }
        var (_, other) = await ContractAsync(ContractKind.Lokaal, ["0141"]);
        await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = other, Year = 2025, MunicipalityCode = "0141", AmountCents = 100_000 });
        await Positions.MostExhaustedAsync(1);
        // Behind every write's back, so only a computation of the whole year sees it.
        await Database.RunAsync(null, c => c.ExecuteAsync("UPDATE budget_ceiling SET amount_cents = @Cents WHERE contract_id = @Id", new { Id = other, Cents = 50_000L }));

        // Spender i declares i + 1 hours of € 72,50 against its € 1.000.
        await ImportAsync([.. spenders.Select((spender, i) =>
            $"{spender.Agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;{i + 1};uur;{(i + 1) * 7_250 / 100},{(i + 1) * 7_250 % 100:00};;F{i};R{i};;")]);

        // Each of these contracts has one budget, for 0141; the other tests' contracts may have more.
        var mine = spenders.Select(s => s.ContractId).Append(other).ToHashSet();
        var ranking = (await Positions.MostExhaustedAsync(1_000)).Where(p => mine.Contains(p.ContractId))
            .ToDictionary(p => p.ContractId, p => (p.BudgetCents, p.ExhaustionPercent));
        Assert.Equal([7.3m, 14.5m, 21.8m, 29.0m, 36.3m, 43.5m, 50.8m, 58.0m, 65.3m, 72.5m, 79.8m], spenders.Select(s => ranking[s.ContractId].ExhaustionPercent));
        Assert.Equal((50_000L, 0.0m), ranking[other]);
    }

    [EngineFact]
    public async Task A_regional_contract_with_a_share_key_that_becomes_local_ranks_its_ceilings_unshared()
    {
        var (_, regional) = await ContractAsync(ContractKind.RegionaalOzjt, ["0141", "1735"]);
        await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = regional, Year = 2025, MunicipalityCode = "0141", AmountCents = 200_000 });
        await new BudgetShareKeyRepository(Database, Audit, Positions).InsertAsync(
            new BudgetShareKey { ContractId = regional, Shares = [new("0141", 25m), new("1735", 75m)] });
        var (_, other) = await ContractAsync(ContractKind.Lokaal, ["0141"]);
        await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = other, Year = 2025, MunicipalityCode = "0141", AmountCents = 100_000 });
        Assert.Equal([(regional, "0141", 50_000L, 0L, 0.0m), (regional, "1735", 150_000L, 0L, 0.0m)], await RankingAsync(regional));
        // Behind every write's back, so only a computation of the whole year would see it.
        await Database.RunAsync(null, c => c.ExecuteAsync("UPDATE budget_ceiling SET amount_cents = @Cents WHERE contract_id = @Id", new { Id = other, Cents = 50_000L }));

        var stored = (await Contracts.ReadByIdAsync(regional))!;
        Assert.Equal(WriteResult.Written, await Contracts.UpdateAsync(stored with { Kind = ContractKind.Lokaal }));

        // A share key applies only to a regional contract: the ceiling is 0141's alone again. Only this contract's
        // positions were computed again, in the change's transaction; the rest of the kept year stands.
        Assert.Equal([(regional, "0141", 200_000L, 0L, 0.0m)], await RankingAsync(regional));
        Assert.Equal([(other, "0141", 100_000L, 0L, 0.0m)], await RankingAsync(other));
    }

    [EngineFact]
    public async Task Replacing_a_kept_year_writes_the_budget_that_changed_and_drops_the_one_that_is_gone() =>
        // All ten in one chunk of providers: two changes are few enough to be written one by one rather than all anew.
        await ReplaceKeptYearAsync(Reconciler.ProvidersPerChunk);

    /// <summary>Each chunk replaces only its own providers' positions: one provider a chunk, nine chunks keep theirs.</summary>
    [EngineFact]
    public async Task Replacing_a_kept_year_a_provider_at_a_time_leaves_the_other_providers_positions_as_they_are() =>
        await ReplaceKeptYearAsync(providersPerChunk: 1);

    /// <summary>Ten budgets of ten providers; one changes and one is deleted behind every write's back, as only the nightly run sees it.</summary>
    private async Task ReplaceKeptYearAsync(int providersPerChunk)
    {
        var contracts = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            var (_, contractId) = await ContractAsync(ContractKind.Lokaal, ["0141"]);
            await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2025, MunicipalityCode = "0141", AmountCents = 100_000 + i });
            contracts.Add(contractId);
        }
        await Positions.MostExhaustedAsync(1);
        await Database.RunAsync(null, c => c.ExecuteAsync("UPDATE budget_ceiling SET amount_cents = @Cents WHERE contract_id = @Id", new { Id = contracts[0], Cents = 50_000L }));
        await Database.RunAsync(null, c => c.ExecuteAsync("DELETE FROM budget_ceiling WHERE contract_id = @Id", new { Id = contracts[1] }));
        var reconciler = new Reconciler(new ReconciliationReader(Database), new SpendingOptions());

        await Database.InTransactionAsync(async tx =>
        {
            await foreach (var chunk in reconciler.ReconcileYearByProvidersAsync(new ReconciliationFilter(2025), ContractDay.Today(), tx, providersPerChunk))
            {
                await Positions.ReplaceAsync(2025, chunk.Reconciled, tx);
            }
        });

        // Nothing is spent: all at 0 %, the older contract first.
        Assert.Equal(
            [(contracts[0], 50_000L), .. contracts.Skip(2).Select((contractId, i) => (contractId, 100_002L + i))],
            (await Positions.MostExhaustedAsync(1_000)).Where(p => contracts.Contains(p.ContractId)).Select(p => (p.ContractId, p.BudgetCents)));
    }

    [EngineFact]
    public async Task Two_first_reads_at_once_compute_the_year_once_and_both_rank_it()
    {
        var (_, contractId) = await ContractAsync(ContractKind.Lokaal, ["0141"]);
        await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2025, MunicipalityCode = "0141", AmountCents = 100_000 });
        // Another year than the test above keeps: no read has computed it yet.
        var positions = TestBudgetPositions.On(Database, new FixedClock(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero)));
        await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2026, MunicipalityCode = "0141", AmountCents = 300_000 });

        var reads = await Task.WhenAll(Task.Run(() => positions.MostExhaustedAsync(1_000)), Task.Run(() => positions.MostExhaustedAsync(1_000)));

        Assert.All(reads, read => Assert.Equal([(contractId, 300_000L)], read.Where(p => p.ContractId == contractId).Select(p => (p.ContractId, p.BudgetCents))));
    }

    /// <summary>
    /// A budget changed while a computation of the kept year (the nightly run, a large import) is writing that contract's
    /// positions waits for it to commit and then writes its own, instead of failing on the row the other just wrote.
    /// </summary>
    [EngineFact]
    public async Task A_budget_changed_while_the_kept_year_is_being_written_waits_for_it_and_ranks_the_new_amount()
    {
        var (_, contractId) = await ContractAsync(ContractKind.Lokaal, ["0141"]);
        var budgetId = await Terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2025, MunicipalityCode = "0141", AmountCents = 100_000 });
        await Positions.MostExhaustedAsync(1);
        // Behind every write's back, so the year's computation below rewrites this contract's position.
        await Database.RunAsync(null, c => c.ExecuteAsync("UPDATE budget_ceiling SET amount_cents = 200000 WHERE id = @Id", new { Id = budgetId }));
        var reconciler = new Reconciler(new ReconciliationReader(Database), new SpendingOptions());
        var budget = (await Terms.ReadBudgetAsync(contractId, budgetId))!;
        Task<WriteResult>? edit = null;

        await Database.InTransactionAsync(async tx =>
        {
            await Positions.StartYearAsync(2025, tx);
            await foreach (var chunk in reconciler.ReconcileYearByProvidersAsync(new ReconciliationFilter(2025), ContractDay.Today(), tx))
            {
                await Positions.ReplaceAsync(2025, chunk.Reconciled, tx);
            }
            edit = Task.Run(() => Terms.UpdateBudgetAsync(budget with { AmountCents = 300_000 }));
            // Give the edit time to reach the positions while this transaction still holds them.
            await Task.WhenAny(edit, Task.Delay(500));
        });

        Assert.Equal(WriteResult.Written, await edit!);
        Assert.Equal([(contractId, "0141", 300_000L, 0L, 0.0m)], await RankingAsync(contractId));
    }

    /// <summary>A contract of its own provider; of equally exhausted budgets, those of the contract made first rank first.</summary>
    private async Task<(string Agb, long ContractId)> ContractAsync(ContractKind kind, IReadOnlyList<string> municipalities)
    {
        var provider = TestData.Provider();
        var providerId = await new ProviderRepository(Database, Audit).InsertAsync(provider);
        var contractId = await Contracts.InsertAsync(TestData.Contract(providerId) with { Kind = kind, Municipalities = municipalities });
        await Terms.InsertTariffAsync(new TariffLine
        {
            ContractId = contractId, ProductCategory = "45", ProductCode = "45A53", Unit = TariffUnit.Uur, PriceCents = 7_250, ValidFrom = new(2024, 1, 1),
        });
        return (provider.AgbCode, contractId);
    }

    private async Task ImportAsync(params string[] rows)
    {
        var report = await Importer.ImportAsync(SpendingCsv.Csv(rows), "uitgaven.csv");
        Assert.True(report.Outcome == SpendingImportOutcome.Imported, string.Join("\n", report.Errors));
    }

    /// <summary>This test's contracts in the order of the year's whole ranking.</summary>
    private async Task<List<(long, string, long, long, decimal)>> RankingAsync(params long[] contractIds) =>
        (await Positions.MostExhaustedAsync(1_000))
        .Where(p => contractIds.Contains(p.ContractId))
        .Select(p => (p.ContractId, p.MunicipalityCode, p.BudgetCents, p.SpentCents, p.ExhaustionPercent))
        .ToList();
}
