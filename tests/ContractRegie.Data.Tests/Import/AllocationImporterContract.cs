using System.Text;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Import;
using ContractRegie.Data.Jobs;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Spending;
using ContractRegie.Data.Tests.Infrastructure;
using Dapper;
using static ContractRegie.Data.Tests.Infrastructure.AllocationMessage;
using static ContractRegie.Data.Tests.Infrastructure.DeclarationMessage;
using static ContractRegie.Data.Tests.Infrastructure.TestPseudonymKey;

namespace ContractRegie.Data.Tests.Import;

/// <summary>
/// Allocations on every engine: a hand-built WMO301/JW301 or CSV is stored as the pseudonym and the allocation only, all
/// or nothing, once; and declared lines are checked against it — no allocation, another ToewijzingNummer, volume beyond
/// the allocation over several declarations. Each test has its own provider with the Wmo contract 2024–2026 for
/// 45/45A53 at € 72,50 per hour (municipalities 0141 and 1735) and a Jeugdwet contract for 43/43A31.
/// </summary>
public abstract class AllocationImporterContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private const string CsvHeader = "gemeente;agb_code;wet;toewijzingnummer;bsn;productcategorie;productcode;begindatum;einddatum;volume;eenheid;frequentie;budget";

    private static readonly DateOnly January = new(2025, 1, 1), EndOfJanuary = new(2025, 1, 31), February = new(2025, 2, 1), EndOfFebruary = new(2025, 2, 28);

    private ContractRepository Contracts => new(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay));
    private SpendingRepository Spending => new(Database, Contracts);
    private static FixedClock Clock => new(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero));
    private SpendingOptions Options => new() { PseudonymKey = Key };
    private AllocationImporter Allocations => new(Database, new AllocationRepository(Database), Audit, new FixedActor("f.smit"), Options, Clock);
    private SpendingImporter Declarations => new(Database, Spending, Positions, Audit, new FixedActor("f.smit"), Options, Clock);

    [EngineFact]
    public async Task A_wmo301_keeps_the_pseudonym_and_the_allocation_and_nothing_else_of_the_client()
    {
        var agb = await ProviderWithContractAsync();
        var message = Wmo301("0141", agb, "999900006",
            new ToegewezenProduct("A-" + agb, "45", "45A53", January, new(2025, 12, 31), 10, "04", "2"),
            new ToegewezenProduct("B-" + agb, "10", null, January, null));

        var report = await Allocations.ImportAsync(Utf8(message), "wmo301.xml");

        Assert.True(report.Errors.Count == 0, string.Join("\n", report.Errors));
        Assert.Equal((SpendingImportOutcome.Imported, (AllocationSource?)AllocationSource.Wmo301, 2, 2, 0),
            (report.Outcome, report.Source, report.AllocationsRead, report.Inserted, report.Updated));
        var stored = (await Database.RunAsync(null, c => c.QueryAsync<StoredAllocation>(
            "SELECT municipality_code, law, allocation_number, client_pseudonym, product_category, product_code, volume, unit, frequency FROM allocation WHERE provider_agb_code = @Agb ORDER BY allocation_number",
            new { Agb = agb }))).ToList();
        Assert.Equal(
            [new StoredAllocation("0141", "Wmo", "A-" + agb, PseudonymOf999900006, "45", "45A53", 10m, "Uur", "PerWeek"),
             new StoredAllocation("0141", "Wmo", "B-" + agb, PseudonymOf999900006, "10", null, null, null, null)],
            stored);
        var everything = await EverythingStoredAboutAsync(report.ImportId!.Value);
        Assert.All(PersonalData.Append("999900006"), personal => Assert.DoesNotContain(personal, everything, StringComparison.Ordinal));

        var again = await Allocations.ImportAsync(Utf8(message), "wmo301-opnieuw.xml");
        Assert.Equal((SpendingImportOutcome.AlreadyImported, report.ImportId), (again.Outcome, again.ImportId));
    }

    [EngineFact]
    public async Task A_jw301_with_an_invalid_bsn_or_a_dtd_is_refused_without_echoing_anything()
    {
        var agb = await ProviderWithContractAsync();
        var badBsn = Jw301("0141", agb, "123456789", new ToegewezenProduct("J-" + agb, "43", "43A31", January, null));
        var dtd = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n" + Jw301("0141", agb, "999900006",
            new ToegewezenProduct("J-" + agb, "43", "43A31", January, null));

        var first = await Allocations.ImportAsync(Utf8(badBsn), null);
        var second = await Allocations.ImportAsync(Utf8(dtd), null);

        Assert.Equal([SpendingImportOutcome.Rejected, SpendingImportOutcome.Rejected], new[] { first.Outcome, second.Outcome });
        Assert.Contains(first.Errors, e => e.Field == "Bsn" && !e.Message.Contains("123456789", StringComparison.Ordinal));
        Assert.Contains("DTD", Assert.Single(second.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(0, await Database.RunAsync(null, c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM allocation WHERE provider_agb_code = @Agb", new { Agb = agb })));
    }

    [EngineFact]
    public async Task A_csv_is_all_or_nothing_and_the_same_number_again_changes_the_allocation()
    {
        var agb = await ProviderWithContractAsync();
        var good = $"0141;{agb};Wmo;C-{agb};999900006;45;45A53;01-01-2025;31-12-2025;40;uur;6;2.900,00";
        var bad = $"0141;{agb};Wmo;D-{agb};999900006;45;45A53;01-01-2025;31-12-2025;40;uur;9;";

        var rejected = await Allocations.ImportAsync(Csv(good, bad), null);
        var accepted = await Allocations.ImportAsync(Csv(good), null);
        var changed = await Allocations.ImportAsync(Csv(good.Replace(";40;", ";20;", StringComparison.Ordinal)), null);

        Assert.Equal((3, "frequentie"), (Assert.Single(rejected.Errors).Line, Assert.Single(rejected.Errors).Field!));
        Assert.Equal((1, 0), (accepted.Inserted, accepted.Updated));
        Assert.Equal((0, 1), (changed.Inserted, changed.Updated));
        Assert.Equal((20m, 290_000L), await Database.RunAsync(null, c => c.QuerySingleAsync<(decimal, long)>(
            "SELECT volume, budget_cents FROM allocation WHERE provider_agb_code = @Agb", new { Agb = agb })));
    }

    [EngineFact]
    public async Task Declared_lines_are_checked_against_the_allocations_over_all_declarations()
    {
        var agb = await ProviderWithContractAsync();
        // 10 hours per week from 1 January: January (31 days, 5 started weeks) allows 50 hours, up to 28 February
        // (59 days, 9 started weeks) 90 hours.
        await Allocations.ImportAsync(Utf8(Wmo301("0141", agb, "999900006", new ToegewezenProduct("A-" + agb, "45", "45A53", January, new(2025, 12, 31), 10, "04", "2"))), null);

        var first = await Declarations.ImportAsync(Utf8(Wmo323(agb, "0141", "DA1",
        [
            new("999900006", "45", "45A53", January, EndOfJanuary, 50, "04", 362_500, Toewijzing: "A-" + agb),     // 50 of 50: fine
            new("999900018", "45", "45A53", January, EndOfJanuary, 1, "04", 7_250, Toewijzing: "A-" + agb),       // another client: no allocation
        ])), null);
        var second = await Declarations.ImportAsync(Utf8(Wmo323(agb, "0141", "DA2",
        [
            new("999900006", "45", "45A53", February, EndOfFebruary, 41, "04", 297_250, Toewijzing: "A-" + agb), // 50 + 41 = 91 > 90
        ])), null);
        var third = await Declarations.ImportAsync(Utf8(Wmo323(agb, "0141", "DA3",
        [
            new("999900006", "45", "45A53", new(2025, 3, 1), new(2025, 3, 31), 1, "04", 7_250, Toewijzing: "X-1"),   // covered, but by A-…
            new("999900006", "45", "45A53", new(2025, 3, 1), new(2025, 3, 31), 1, "04", 7_250, 'C', Toewijzing: "X-1"),
        ])), null);

        var kinds = (await Spending.SearchExceptionsAsync(new SpendingExceptionFilter(ProviderAgbCode: agb), new PageRequest(1, 50))).Items
            .Select(e => (e.DeclarationNumber, e.ExceptionKind));
        Assert.Equal(
            [("DA1", SpendingExceptionKind.NoAllocation), ("DA2", SpendingExceptionKind.VolumeBeyondAllocation),
             ("DA3", SpendingExceptionKind.AllocationNumberMismatch), ("DA3", SpendingExceptionKind.AllocationNumberMismatch)],
            kinds);
        Assert.Equal([1, 1, 2], new[] { first, second, third }.Select(r => r.ExceptionCount));
    }

    [EngineFact]
    public async Task The_reconciliation_projects_from_what_the_lag_has_let_in_and_commits_what_allocations_still_allow()
    {
        var (agb, _, contractId) = await ProviderAndContractAsync();
        await new ContractTermsRepository(Database, Audit, Positions).InsertBudgetAsync(
            new BudgetCeiling { ContractId = contractId, Year = 2025, MunicipalityCode = "0141", AmountCents = 1_000_000 });
        // 2 hours a week for all of 2025.
        await Allocations.ImportAsync(Utf8(Wmo301("0141", agb, "999900006", new ToegewezenProduct("A-" + agb, "45", "45A53", January, new(2025, 12, 31), 2, "04", "2"))), null);
        await Declarations.ImportAsync(Utf8(Wmo323(agb, "0141", "DR1",
        [
            new("999900006", "45", "45A53", January, EndOfJanuary, 8, "04", 58_000, Toewijzing: "A-" + agb),
            new("999900006", "45", "45A53", new(2025, 6, 1), new(2025, 6, 30), 8, "04", 58_000, Toewijzing: "A-" + agb),
        ])), null);

        var row = Assert.Single(await new Reconciler(new ReconciliationReader(Database), Options).ReconcileAsync(new ReconciliationFilter(2025, ContractId: contractId), new(2025, 7, 1)));

        // The default lag of 30 days observes up to 1 June: only January's 580,00 is in, over 1 Jan – 1 Jun (152 days):
        // 58.000 × 365 / 152 = 139.276,3. Committed: 2 – 31 Jul + Aug – Dec is 183 days, 2 × 183 / 7 = 52,29 uur × 72,50
        // = 3.790,71. Room: 10.000,00 − 1.160,00 − 3.790,71 = 5.049,29.
        Assert.Equal((1_000_000L, 116_000L, 139_276L, 379_071L, (long?)504_929L),
            (row.BudgetCents!.Value, row.SpentCents, row.ProjectedCents, row.CommittedCents, row.RoomCents));
    }

    /// <summary>
    /// A contract's or a provider's reconciliation reads only that provider's rows. The allocation here commits on the
    /// provider's later contract, so reading the one contract asked for alone would put it on the wrong one. The nightly
    /// job reads the year a chunk of providers at a time; one provider per chunk, the chunks together are the whole year.
    /// </summary>
    [EngineFact]
    public async Task A_contract_a_provider_or_chunks_of_providers_reconcile_to_their_rows_of_the_whole_register()
    {
        var (providerId, firstId, laterId) = await TwoProvidersSpendingIn0141Async();
        var reconciler = new Reconciler(new ReconciliationReader(Database), Options);
        var asOf = new DateOnly(2025, 7, 1);

        var whole = await reconciler.ReconcileAsync(new ReconciliationFilter(2025), asOf);
        var first = await reconciler.ReconcileAsync(new ReconciliationFilter(2025, ContractId: firstId), asOf);
        var provider = await reconciler.ReconcileAsync(new ReconciliationFilter(2025, ProviderId: providerId), asOf);
        var chunks = await Database.InTransactionAsync(async tx =>
        {
            var read = new List<ReconciledChunk>();
            await foreach (var chunk in reconciler.ReconcileYearByProvidersAsync(new ReconciliationFilter(2025), asOf, tx, providersPerChunk: 1))
            {
                read.Add(chunk);
            }
            return read;
        });

        Assert.Equal(whole.Where(r => r.ContractId == firstId), first);
        Assert.True(chunks.Count >= 2 && chunks.All(chunk => chunk.Reconciled.Providers.FirstProviderId == chunk.Reconciled.Providers.LastProviderId));
        Assert.Equal(whole.OrderBy(r => r.ContractId).ThenBy(r => r.MunicipalityCode),
            chunks.SelectMany(chunk => chunk.Reconciled.Rows).OrderBy(r => r.ContractId).ThenBy(r => r.MunicipalityCode));
        // Each chunk of one provider says how far the year is: one more provider of all of them.
        var providers = await Database.RunAsync(null, c => c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM provider"));
        Assert.Equal(Enumerable.Range(1, providers).Select(done => new JobProgressCount(done, providers)), chunks.Select(chunk => chunk.Providers));
        Assert.Equal(whole.Where(r => r.ProviderId == providerId), provider);
        Assert.Equal((0L, true), (Assert.Single(first).CommittedCents, provider.Single(r => r.ContractId == laterId).CommittedCents > 0));
        Assert.Empty(await reconciler.ReconcileAsync(new ReconciliationFilter(2025, ContractId: -1), asOf));
    }

    /// <summary>
    /// A provider with two contracts (the later one has a tariff, so the allocation commits on it; the first has a 2025
    /// budget for 0141) and spending in January 2025, and another provider with spending for 0141 too.
    /// </summary>
    private async Task<(long ProviderId, long FirstId, long LaterId)> TwoProvidersSpendingIn0141Async()
    {
        var (agb, providerId, firstId) = await ProviderAndContractAsync();
        var laterId = await Contracts.InsertAsync(TestData.Contract(providerId) with { StartDate = new(2025, 1, 1), Municipalities = ["0141"] });
        var terms = new ContractTermsRepository(Database, Audit, Positions);
        await terms.InsertTariffAsync(new TariffLine
        {
            ContractId = laterId, ProductCategory = "45", ProductCode = "45A53", Unit = TariffUnit.Uur, PriceCents = 7_250, ValidFrom = new(2025, 1, 1),
        });
        await terms.InsertBudgetAsync(new BudgetCeiling { ContractId = firstId, Year = 2025, MunicipalityCode = "0141", AmountCents = 1_000_000 });
        await Allocations.ImportAsync(Utf8(Wmo301("0141", agb, "999900006", new ToegewezenProduct("A-" + agb, "45", "45A53", January, new(2025, 12, 31), 2, "04", "2"))), null);
        await Declarations.ImportAsync(Utf8(Wmo323(agb, "0141", "DS1",
            [new("999900006", "45", "45A53", January, EndOfJanuary, 8, "04", 58_000, Toewijzing: "A-" + agb)])), null);
        var otherAgb = await ProviderWithContractAsync();
        await Declarations.ImportAsync(Utf8(Wmo323(otherAgb, "0141", "DS2", [new("999900018", "45", "45A53", January, EndOfJanuary, 1, "04", 7_250)])), null);
        return (providerId, firstId, laterId);
    }

    /// <summary>
    /// Lists and exports read the year a chunk of providers at a time (<see cref="ReconciliationPages"/>). One provider per
    /// chunk, each grouping's rows, page, count and totals are those of the whole year computed at once, also for a
    /// municipality both providers spent in, whose group spans the chunks.
    /// </summary>
    [EngineFact]
    public async Task A_list_or_export_read_a_provider_at_a_time_has_the_rows_page_count_and_totals_of_the_whole_year_in_every_grouping()
    {
        await TwoProvidersSpendingIn0141Async();
        var reconciler = new Reconciler(new ReconciliationReader(Database), Options);
        var pages = new ReconciliationPages(Database, reconciler);
        var asOf = new DateOnly(2025, 7, 1);
        var mostSpent = Comparer<ReconciliationRow>.Create((a, b) => b.SpentCents != a.SpentCents ? b.SpentCents.CompareTo(a.SpentCents) : Reconciliation.Order.Compare(a, b));

        foreach (var groupBy in Enum.GetValues<ReconciliationGrouping>())
        {
            var whole = await reconciler.ReconcileAsync(new ReconciliationFilter(2025, groupBy), asOf);
            var read = await pages.ReadAsync(new ReconciliationFilter(2025, groupBy), asOf, new PageRequest(2, 1), order: mostSpent, providersPerChunk: 1);
            var withSpending = await pages.ReadAsync(new ReconciliationFilter(2025, groupBy), asOf, new PageRequest(1, 50), r => r.SpentCents != 0, providersPerChunk: 1);

            Assert.Equal(whole, await pages.ReadAllAsync(new ReconciliationFilter(2025, groupBy), asOf, providersPerChunk: 1));
            Assert.Equal(whole.Order(mostSpent).Skip(1).Take(1), read.Rows.Items);
            Assert.Equal((whole.Count, Reconciliation.Total(whole, 2025)), (read.Rows.TotalCount, read.Totals));
            Assert.Equal(whole.Where(r => r.SpentCents != 0), withSpending.Rows.Items);
            Assert.Equal(Reconciliation.Total(whole.Where(r => r.SpentCents != 0).ToList(), 2025), withSpending.Totals);
        }
        // Both providers spent for 0141, each in its own chunk: one row adds up the spending of both.
        var in0141 = (await reconciler.ReconcileAsync(new ReconciliationFilter(2025, MunicipalityCode: "0141"), asOf)).Where(r => r.SpentCents != 0).ToList();
        var municipality = await pages.ReadAsync(new ReconciliationFilter(2025, ReconciliationGrouping.Municipality), asOf, new PageRequest(1, 50), providersPerChunk: 1);
        Assert.True(in0141.Select(r => r.ProviderId).Distinct().Count() >= 2);
        Assert.Equal(in0141.Sum(r => r.SpentCents), municipality.Rows.Items.Single(r => r.MunicipalityCode == "0141").SpentCents);
    }

    /// <summary>
    /// A list of the year reads in a transaction of its own, for one view of the chunks; it must not wait for the write
    /// lock an import holds (SQLite's transactions take it from the start unless deferred).
    /// </summary>
    [EngineFact]
    public async Task A_list_of_the_year_reads_while_an_import_holds_the_write_lock()
    {
        await TwoProvidersSpendingIn0141Async();
        var pages = new ReconciliationPages(Database, new Reconciler(new ReconciliationReader(Database), Options));

        var read = await Database.InTransactionAsync(async tx =>
        {
            await new ProviderRepository(Database, Audit).InsertAsync(TestData.Provider(), tx);
            var reading = pages.ReadAsync(new ReconciliationFilter(2025), new DateOnly(2025, 7, 1), new PageRequest(1, 50));
            // A read waiting for the lock would wait the command's 30 s and then fail.
            return await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(10))) == reading ? await reading : null;
        });

        Assert.NotNull(read);
        Assert.True(read.Rows.TotalCount >= 2);
    }

    [EngineFact]
    public async Task A_municipality_without_any_allocation_is_not_checked_against_an_empty_register()
    {
        var agb = await ProviderWithContractAsync();
        // Allocations exist for 0141 only; a line of Hof van Twente (1735), also on the contract, is not judged by them.
        await Allocations.ImportAsync(Utf8(Wmo301("0141", agb, "999900006", new ToegewezenProduct("A-" + agb, "45", "45A53", January, null))), null);

        var report = await Declarations.ImportAsync(Utf8(Wmo323(agb, "1735", "DH1",
            [new("999900018", "45", "45A53", January, EndOfJanuary, 1, "04", 7_250)])), null);

        Assert.Equal((1, 0), (report.LinesImported, report.ExceptionCount));
    }

    private async Task<string> ProviderWithContractAsync() => (await ProviderAndContractAsync()).Agb;

    /// <summary>A provider with one contract for 0141 and 1735 and a tariff for 45A53 (€ 72,50 an hour).</summary>
    private async Task<(string Agb, long ProviderId, long ContractId)> ProviderAndContractAsync()
    {
        var provider = TestData.Provider();
        var providerId = await new ProviderRepository(Database, Audit).InsertAsync(provider);
        var contractId = await Contracts.InsertAsync(TestData.Contract(providerId) with { Municipalities = ["0141", "1735"] });
        await new ContractTermsRepository(Database, Audit, Positions).InsertTariffAsync(new TariffLine
        {
            ContractId = contractId, ProductCategory = "45", ProductCode = "45A53", Unit = TariffUnit.Uur, PriceCents = 7_250, ValidFrom = new(2024, 1, 1),
        });
        return (provider.AgbCode, providerId, contractId);
    }

    /// <summary>Every column of the import's allocations, its import row and its audit entry, as one string to search.</summary>
    private async Task<string> EverythingStoredAboutAsync(long importId) => string.Join("|", await Database.RunAsync(null, async c =>
        (await c.QueryAsync("SELECT * FROM allocation WHERE import_id = @Id", new { Id = importId }))
        .Concat(await c.QueryAsync("SELECT * FROM allocation_import WHERE id = @Id", new { Id = importId }))
        .Concat(await c.QueryAsync("SELECT * FROM audit_entry WHERE entity = 'allocation_import' AND entity_id = @Id", new { Id = importId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        .SelectMany(row => ((IDictionary<string, object?>)row).Values.Select(value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)))
        .ToList()));

    private static MemoryStream Csv(params string[] rows) => new(Encoding.UTF8.GetBytes(CsvHeader + "\n" + string.Join("\n", rows) + "\n"));

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed record StoredAllocation(
        string MunicipalityCode, string Law, string AllocationNumber, string ClientPseudonym, string ProductCategory, string? ProductCode,
        decimal? Volume, string? Unit, string? Frequency);
}
