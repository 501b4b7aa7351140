using System.Text;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Import;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Spending;
using ContractRegie.Data.Tests.Infrastructure;
using Dapper;
using static ContractRegie.Data.Tests.Infrastructure.DeclarationMessage;
using static ContractRegie.Data.Tests.Infrastructure.SpendingCsv;
using static ContractRegie.Data.Tests.Infrastructure.TestPseudonymKey;

namespace ContractRegie.Data.Tests.Import;

/// <summary>
/// What <see cref="SpendingImporter"/> promises on every engine: lines matched and stored with their exceptions, all or
/// nothing, the same file or declaration number twice changes nothing, and a BSN is only ever stored as its pseudonym.
/// Each test has its own provider (unique AGB-code) with a Wmo contract 2024–2026 for 45/45A53 at € 72,50 per hour and
/// a budget of € 10.000 for 0141 in 2025; "today" is 1 July 2025.
/// </summary>
public abstract class SpendingImporterContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private static readonly DateOnly Today = new(2025, 7, 1);

    private ContractRepository Contracts => new(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay));
    private SpendingRepository Spending => new(Database, Contracts);
    // No declaration lag: these lines are all in by "today"; the lag has its own tests in Core (RunRateTests).
    private Reconciler Reconciler => new(new ReconciliationReader(Database), new SpendingOptions { DeclarationLagDays = 0 });

    private SpendingImporter Importer(string? key = Key) => new(Database, Spending, Positions, Audit, new FixedActor("f.smit"),
        new SpendingOptions { PseudonymKey = key }, new FixedClock(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero)));

    [EngineFact]
    public async Task A_csv_file_is_matched_with_its_exceptions_and_the_same_file_again_changes_nothing()
    {
        var (agb, contractId) = await ContractAsync();
        var csv = Csv(
            $"{agb};141;Wmo;45;45A53;01-03-2025;31-03-2025;10;uur;725,00;;F1;R1;T1;999900006",
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;2;04;160,00;;F1;R2;T1;",          // 2 × 72,50 = 145,00: 15,00 off
            $"{agb};0141;wmo;45;45A53;01-04-2025;30-04-2025;1;Uur;-72,50;;F2;R3;T1;",          // credit 1 × 72,50
            $"{agb};0141;Wmo;45;45A99;01-04-2025;30-04-2025;1;stuk;100,00;D;F3;R4;;",          // no contract for 45A99
            $"{agb};0141;Wmo;45;45A53;01-01-2027;31-01-2027;1;uur;72,50;D;F4;R5;;");           // after the contract's end

        var report = await Importer().ImportAsync(csv, "uitgaven.csv");

        Assert.True(report.Errors.Count == 0, string.Join("\n", report.Errors));
        // 725,00 + 160,00 − 72,50 + 100,00 + 72,50 = 985,00
        Assert.Equal((SpendingImportOutcome.Imported, SpendingSource.Csv, 5, 5, 3, 98_500L),
            (report.Outcome, report.Source, report.LinesRead, report.LinesImported, report.ExceptionCount, report.TotalCents));
        var exceptions = await Spending.SearchExceptionsAsync(new SpendingExceptionFilter(ProviderAgbCode: agb), new PageRequest(1, 50));
        Assert.Equal(
            [(SpendingExceptionKind.AmountDeviatesFromTariff, (long?)contractId), (SpendingExceptionKind.NoMatchingContract, null),
             (SpendingExceptionKind.DeliveryOutsideContractPeriod, contractId)],
            exceptions.Items.Select(e => (e.ExceptionKind, e.ContractId)));

        var again = await Importer().ImportAsync(Csv(csv), "uitgaven-kopie.csv");

        Assert.Equal((SpendingImportOutcome.AlreadyImported, report.ImportId), (again.Outcome, again.ImportId));
        Assert.Contains("al geïmporteerd", again.Message, StringComparison.Ordinal);
        Assert.Equal(5, await LineCountAsync(agb));
    }

    [EngineFact]
    public async Task The_same_file_uploaded_twice_at_once_is_imported_once_and_the_other_upload_says_already_imported()
    {
        var (agb, _) = await ContractAsync();
        // Long enough that both uploads are past the "seen this file?" check before either has committed.
        var lines = Enumerable.Range(1, 2000).Select(n => $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;72,50;;F{n};R{n};T1;999900006").ToArray();

        var reports = await Task.WhenAll(Task.Run(() => Importer().ImportAsync(Csv(lines), "a.csv")), Task.Run(() => Importer().ImportAsync(Csv(lines), "b.csv")));

        Assert.Equal([SpendingImportOutcome.Imported, SpendingImportOutcome.AlreadyImported], reports.Select(r => r.Outcome).Order());
        Assert.Equal(reports[0].ImportId, reports[1].ImportId);
        Assert.Equal(2000, await Database.RunAsync(null, c =>
            c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM spending_line WHERE provider_agb_code = @Agb", new { Agb = agb })));
    }

    [EngineFact]
    public async Task A_dutch_excel_export_in_windows_1252_imports()
    {
        var (agb, _) = await ContractAsync();
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Header + "\r\n" + $"{agb};141;Wmo;45;45A53;1-3-2025;31-3-2025;12,5;Uur;906,25;;F-é1;Cliënt één;;\r\n";

        var report = await Importer().ImportAsync(new MemoryStream(System.Text.Encoding.GetEncoding(1252).GetBytes(csv)), "export.csv");

        // 12,5 × 72,50 = 906,25
        Assert.True(report.Errors.Count == 0, string.Join("\n", report.Errors));
        Assert.Equal((1, 0, 90_625L), (report.LinesImported, report.ExceptionCount, report.TotalCents));
        Assert.Equal("F-é1", await Database.RunAsync(null, c =>
            c.ExecuteScalarAsync<string>("SELECT declaration_number FROM spending_line WHERE provider_agb_code = @Agb", new { Agb = agb })));
    }

    [EngineFact]
    public async Task The_reconciliation_adds_matched_lines_of_the_year_against_the_budget()
    {
        var (agb, contractId) = await ContractAsync();
        await Importer().ImportAsync(Csv(
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;10;uur;725,00;;F1;R1;;",
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;2;uur;160,00;;F1;R2;;",
            $"{agb};0141;Wmo;45;45A53;01-04-2025;30-04-2025;1;uur;72,50;C;F2;R3;;",
            $"{agb};0141;Wmo;45;45A99;01-04-2025;30-04-2025;1;stuk;100,00;;F3;R4;;",
            $"{agb};0141;Wmo;45;45A53;01-03-2026;31-03-2026;1;uur;72,50;;F4;R5;;"), null);

        var rows = await Reconciler.ReconcileAsync(new ReconciliationFilter(2025, ContractId: contractId), Today);

        // 725,00 + 160,00 − 72,50 = 812,50 of 10.000,00 is 8,1 %; 1 Jan – 1 Jul is 182 days: 81.250 × 365 / 182 = 162.946,4 cents.
        var row = Assert.Single(rows);
        Assert.Equal((1_000_000L, 81_250L, 162_946L, 8.1m, 3, 1),
            (row.BudgetCents, row.SpentCents, row.ProjectedCents, row.ExhaustionPercent, row.LineCount, row.ExceptionCount));
        Assert.Equal(("0141", "Wmo"), (row.MunicipalityCode, row.Law));
        // In onderzoek: the 160,00 that deviates from 2 × 72,50.
        Assert.Equal(16_000L, row.InInvestigationCents);
    }

    [EngineFact]
    public async Task An_invoice_number_of_an_earlier_file_is_a_duplicate_and_one_of_the_same_file_is_not()
    {
        var (agb, _) = await ContractAsync();
        await Importer().ImportAsync(Csv($"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;72,50;;F1;;;"), null);

        var report = await Importer().ImportAsync(Csv(
            $"{agb};0141;Wmo;45;45A53;01-04-2025;30-04-2025;1;uur;72,50;;F1;;;",
            $"{agb};0141;Wmo;45;45A53;01-04-2025;30-04-2025;1;uur;72,50;;F2;;;",
            $"{agb};0141;Wmo;45;45A53;01-05-2025;31-05-2025;1;uur;72,50;;F2;;;"), null);

        Assert.Equal((3, 1), (report.LinesImported, report.ExceptionCount));
        var duplicate = Assert.Single((await Spending.SearchExceptionsAsync(new SpendingExceptionFilter(ProviderAgbCode: agb), new PageRequest(1, 50))).Items);
        Assert.Equal((SpendingExceptionKind.DuplicateDeclaration, "F1", report.ImportId!.Value), (duplicate.ExceptionKind, duplicate.DeclarationNumber, duplicate.ImportId));
    }

    [EngineFact]
    public async Task Every_line_of_each_invoice_an_earlier_file_holds_is_a_duplicate_unless_it_has_an_exception_already()
    {
        var (agb, contractId) = await ContractAsync();
        // More earlier invoices than one batch of statements holds on any engine.
        var earlier = Enumerable.Range(1, 70).Select(n => $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;72,50;;F{n};;;").ToArray();
        await Importer().ImportAsync(Csv(earlier), null);

        var report = await Importer().ImportAsync(Csv([
            .. Enumerable.Range(1, 70).Select(n => $"{agb};0141;Wmo;45;45A53;01-04-2025;30-04-2025;1;uur;72,50;;F{n};;;"),
            $"{agb};0141;Wmo;45;45A53;01-05-2025;31-05-2025;1;uur;72,50;;F1;;;",
            $"{agb};0141;Wmo;45;45A53;01-05-2025;31-05-2025;2;uur;160,00;;F2;;;",
            $"{agb};0141;Wmo;45;45A53;01-05-2025;31-05-2025;1;uur;72,50;;F71;;;"]), null);

        // 70 invoices again, in 72 lines: 71 declared twice, and one that deviates from the tariff and keeps that exception.
        Assert.Equal((73, 72), (report.LinesImported, report.ExceptionCount));
        var exceptions = (await Spending.SearchExceptionsAsync(new SpendingExceptionFilter(ProviderAgbCode: agb), new PageRequest(1, 100))).Items;
        Assert.Equal(71, exceptions.Count(e => e.ExceptionKind == SpendingExceptionKind.DuplicateDeclaration && e.ImportId == report.ImportId));
        Assert.Equal("F2", Assert.Single(exceptions, e => e.ExceptionKind == SpendingExceptionKind.AmountDeviatesFromTariff).DeclarationNumber);
        Assert.DoesNotContain(exceptions, e => e.DeclarationNumber == "F71");
        var row = Assert.Single(await Reconciler.ReconcileAsync(new ReconciliationFilter(2025, ContractId: contractId), Today));
        // In onderzoek: 71 lines of 72,50 declared twice and the 160,00 off the tariff.
        Assert.Equal((143, 72, 71 * 7_250L + 16_000L), (row.LineCount, row.ExceptionCount, row.InInvestigationCents));
    }

    [EngineFact]
    public async Task Exceptions_are_added_up_per_kind_contract_and_year_for_the_nightly_signals()
    {
        var (agb, contractId) = await ContractAsync();
        await Importer().ImportAsync(Csv(
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;2;uur;160,00;;F1;;;",
            $"{agb};0141;Wmo;45;45A53;01-04-2025;30-04-2025;1;uur;80,00;;F2;;;",
            $"{agb};0141;Wmo;45;45A53;01-05-2025;31-05-2025;1;uur;72,50;;F3;;;",
            $"{agb};0141;Wmo;45;45A99;01-04-2025;30-04-2025;1;stuk;100,00;C;F4;;;"), null);

        var groups = (await Spending.ReadExceptionGroupsAsync()).Where(g => g.ProviderAgbCode == agb).ToList();

        // 160,00 (145,00 expected) and 80,00 (72,50 expected) deviate: 240,00 on the contract; 100,00 credit without a contract.
        Assert.Equal(
            [(SpendingExceptionKind.AmountDeviatesFromTariff, (long?)contractId, 2025, 2, 24_000L), (SpendingExceptionKind.NoMatchingContract, null, 2025, 1, -10_000L)],
            groups.Select(g => (g.Kind, g.ContractId, g.Year, g.LineCount, g.SignedCents)).OrderBy(g => g.Kind.ToString(), StringComparer.Ordinal));
    }

    [EngineFact]
    public async Task Grouped_per_provider_the_contracts_budgets_and_spending_add_up()
    {
        var (agb, first) = await ContractAsync();
        var providerId = (await new ProviderRepository(Database, Audit).ReadByAgbCodeAsync(agb))!.Id;
        var second = await Contracts.InsertAsync(TestData.Contract(providerId) with { Law = Law.Jeugdwet });
        var terms = new ContractTermsRepository(Database, Audit, Positions);
        await terms.InsertTariffAsync(new TariffLine
        {
            ContractId = second, ProductCategory = "43", ProductCode = "43A31", Unit = TariffUnit.Etmaal, PriceCents = 15_000, ValidFrom = new(2024, 1, 1),
        });
        await terms.InsertBudgetAsync(new BudgetCeiling { ContractId = second, Year = 2025, MunicipalityCode = "1735", AmountCents = 3_000_000 });
        await Importer().ImportAsync(Csv(
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;10;uur;725,00;;F1;;;",
            $"{agb};1735;Jeugdwet;43;43A31;01-03-2025;31-03-2025;31;etmaal;4.650,00;;F2;;;"), null);

        var perProvider = Assert.Single(await Reconciler.ReconcileAsync(new ReconciliationFilter(2025, ReconciliationGrouping.Provider, ProviderId: providerId), Today));
        var perContract = await Reconciler.ReconcileAsync(new ReconciliationFilter(2025, ProviderId: providerId), Today);

        // Budgets 10.000,00 + 30.000,00; spent 725,00 + 4.650,00 = 5.375,00, which is 13,4375 % → 13,4 %.
        Assert.Equal((4_000_000L, 537_500L, 13.4m, (long?)providerId, (string?)null),
            (perProvider.BudgetCents, perProvider.SpentCents, perProvider.ExhaustionPercent, perProvider.ProviderId, perProvider.ContractNumber));
        Assert.Equal([(first, "0141", 72_500L), (second, "1735", 465_000L)], perContract.Select(r => (r.ContractId!.Value, r.MunicipalityCode!, r.SpentCents)).OrderBy(r => r.Item1));
    }

    [EngineFact]
    public async Task A_wmo323_declaration_is_imported_and_its_number_is_refused_the_second_time()
    {
        var (agb, _) = await ContractAsync();
        Prestatie[] prestaties =
        [
            new("999900006", "45", "45A53", new(2025, 4, 1), new(2025, 4, 30), 4, "04", 29_000, Tariff: 7_250),
            new("999900006", "45", "45A53", new(2025, 4, 1), new(2025, 4, 30), 1, "04", 7_250, 'C', Tariff: 7_250),
            new("999900018", "45", "45A53", new(2025, 4, 1), new(2025, 4, 30), 120, "01", 14_500),    // 2 hours
        ];

        var report = await Importer().ImportAsync(Utf8(Wmo323(agb, "0141", "DN001", prestaties)), "wmo323.xml");

        // 290,00 − 72,50 + 145,00 = 362,50; the credit of 72,50 reverses no line of that amount (the debet was 290,00).
        Assert.True(report.Errors.Count == 0, string.Join("\n", report.Errors));
        Assert.Equal((SpendingSource.Wmo323, 3, 1, 36_250L), (report.Source, report.LinesImported, report.ExceptionCount, report.TotalCents));
        Assert.Equal(PseudonymOf999900006, (await PseudonymsAsync(agb))[0]);

        var sameNumber = await Importer().ImportAsync(Utf8(Wmo323(agb, "0141", "DN001", prestaties[..1])), "wmo323-opnieuw.xml");

        Assert.Equal(SpendingImportOutcome.Rejected, sameNumber.Outcome);
        Assert.Contains("DN001", Assert.Single(sameNumber.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(3, await LineCountAsync(agb));
    }

    [EngineFact]
    public async Task A_declaration_whose_lines_do_not_add_up_is_refused_and_nothing_is_written()
    {
        var (agb, _) = await ContractAsync();
        Prestatie[] prestaties = [new("999900006", "45", "45A53", new(2025, 4, 1), new(2025, 4, 30), 4, "04", 29_000)];

        var report = await Importer().ImportAsync(Utf8(Wmo323(agb, "0141", "DN002", prestaties, total: 30_000)), null);

        Assert.Equal(SpendingImportOutcome.Rejected, report.Outcome);
        Assert.Equal("TotaalIngediendBedrag is € 300,00 debet, maar de 1 prestaties tellen op tot € 290,00 debet.", Assert.Single(report.Errors).Message);
        Assert.Equal(0, await LineCountAsync(agb));
        Assert.Equal(0, await Scalar("SELECT COUNT(*) FROM spending_declaration WHERE provider_agb_code = @Agb", agb));
    }

    [EngineFact]
    public async Task Without_a_pseudonym_key_nothing_is_imported()
    {
        var (agb, _) = await ContractAsync();

        var report = await Importer(key: null).ImportAsync(Csv($"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;72,50;;F1;;;"), null);

        Assert.Equal(SpendingImportOutcome.Rejected, report.Outcome);
        Assert.Contains("Spending:PseudonymKey", report.Message, StringComparison.Ordinal);
        Assert.Equal(0, await LineCountAsync(agb));
    }

    [EngineFact]
    public async Task One_bad_row_rejects_the_file_after_lines_were_written_in_batches()
    {
        var (agb, _) = await ContractAsync();
        // 150 good lines span two full batches of 64 and a rest, and several of the COPY's 8 KB write buffers on PostgreSQL,
        // so lines have reached the server when the bad one, the last, rejects the file.
        var good = Enumerable.Range(1, 150).Select(i => $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;72,50;;G{i};;;");
        var bad = $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;72,50;;G999;;;123456789";

        var rejected = await Importer().ImportAsync(Csv([.. good, bad]), null);
        var accepted = await Importer().ImportAsync(Csv([.. good]), null);

        var error = Assert.Single(rejected.Errors);
        Assert.Equal((152, "bsn", "Geen geldig BSN (9 cijfers en de elfproef)."), (error.Line, error.Field, error.Message));
        Assert.DoesNotContain("123456789", error.Message, StringComparison.Ordinal);
        Assert.Equal((150, 150 * 7_250L), (accepted.LinesImported, accepted.TotalCents));
        Assert.Equal(150, await LineCountAsync(agb));
    }

    [EngineFact]
    public async Task A_jw323_declaration_matches_a_jeugdwet_contract()
    {
        var (agb, _) = await ContractAsync();
        var providerId = (await new ProviderRepository(Database, Audit).ReadByAgbCodeAsync(agb))!.Id;
        var jeugd = await Contracts.InsertAsync(TestData.Contract(providerId) with { Law = Law.Jeugdwet });
        await new ContractTermsRepository(Database, Audit, Positions).InsertTariffAsync(new TariffLine
        {
            ContractId = jeugd, ProductCategory = "43", ProductCode = "43A31", Unit = TariffUnit.Etmaal, PriceCents = 15_000, ValidFrom = new(2024, 1, 1),
        });

        var report = await Importer().ImportAsync(Utf8(Jw323(agb, "0141", "JW001",
            [new Prestatie("999900018", "43", "43A31", new(2025, 5, 1), new(2025, 5, 31), 31, "14", 465_000)])), null);

        // 31 etmalen × 150,00 = 4.650,00
        Assert.Equal((SpendingSource.Jw323, 1, 0), (report.Source, report.LinesImported, report.ExceptionCount));
        Assert.Equal(jeugd, await Scalar("SELECT contract_id FROM spending_line WHERE provider_agb_code = @Agb", agb));
    }

    [EngineFact]
    public async Task Absurd_amounts_and_volumes_are_row_errors_and_nothing_is_written()
    {
        var (agb, contractId) = await ContractAsync();

        var report = await Importer().ImportAsync(Csv(
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;92.233.720.368.547.758,07;;F1;;;",   // the wrapped long of the issue
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;1.000.000,01;;F2;;;",                // one cent above the maximum
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1000001;uur;100,00;;F3;;;",
            $"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;1.000.000,00;;F4;;;"), null);          // the maximum itself is fine

        Assert.Equal(SpendingImportOutcome.Rejected, report.Outcome);
        Assert.Equal([(2, "bedrag"), (3, "bedrag"), (4, "volume")], report.Errors.Select(e => (e.Line, e.Field!)));
        Assert.Equal(0, await LineCountAsync(agb));
        var row = Assert.Single(await Reconciler.ReconcileAsync(new ReconciliationFilter(2025, ContractId: contractId), Today));
        Assert.Equal(0, row.SpentCents);
    }

    [EngineFact]
    public async Task A_declared_amount_above_the_maximum_refuses_the_323_message()
    {
        var (agb, _) = await ContractAsync();

        var report = await Importer().ImportAsync(Utf8(Wmo323(agb, "0141", "DN-GROOT",
            [new Prestatie("999900006", "45", "45A53", new(2025, 4, 1), new(2025, 4, 30), 4, "04", 100_000_001)])), null);

        Assert.Equal(SpendingImportOutcome.Rejected, report.Outcome);
        Assert.Equal("IngediendBedrag", Assert.Single(report.Errors).Field);
        Assert.Equal(0, await LineCountAsync(agb));
    }

    [EngineFact]
    public async Task A_configured_maximum_replaces_the_default()
    {
        var (agb, _) = await ContractAsync();
        var importer = new SpendingImporter(Database, Spending, Positions, Audit, new FixedActor("f.smit"),
            new SpendingOptions { PseudonymKey = Key, MaxLineAmount = 500m }, new FixedClock(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero)));

        var report = await importer.ImportAsync(Csv($"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;10;uur;725,00;;F1;;;"), null);

        Assert.Equal((2, "bedrag"), (Assert.Single(report.Errors).Line, Assert.Single(report.Errors).Field!));
    }

    [EngineFact]
    public async Task The_same_client_product_and_period_under_a_new_number_is_a_duplicate_and_a_credit_must_reverse_a_line()
    {
        var (agb, _) = await ContractAsync();
        DateOnly april = new(2025, 4, 1), endOfApril = new(2025, 4, 30), may = new(2025, 5, 1), endOfMay = new(2025, 5, 31);
        var first = await Importer().ImportAsync(Utf8(Wmo323(agb, "0141", "DN-A", [new("999900006", "45", "45A53", april, endOfApril, 4, "04", 29_000)])), null);

        // April again under a new number, without a credit: a duplicate. May is new.
        var second = await Importer().ImportAsync(Utf8(Wmo323(agb, "0141", "DN-B",
            [new("999900006", "45", "45A53", april, endOfApril, 4, "04", 29_000), new("999900006", "45", "45A53", may, endOfMay, 2, "04", 14_500)])), null);
        // A credit of April's 290,00 reverses it; a credit of 72,50 for May reverses nothing (May was 145,00).
        var third = await Importer().ImportAsync(Utf8(Wmo323(agb, "0141", "DN-C",
            [new("999900006", "45", "45A53", april, endOfApril, 4, "04", 29_000, 'C'), new("999900006", "45", "45A53", may, endOfMay, 1, "04", 7_250, 'C')])), null);
        // After the credit, April declared again is the correction, not a duplicate.
        var fourth = await Importer().ImportAsync(Utf8(Wmo323(agb, "0141", "DN-D", [new("999900006", "45", "45A53", april, endOfApril, 3, "04", 21_750)])), null);

        Assert.Equal([0, 1, 1, 0], new[] { first, second, third, fourth }.Select(r => r.ExceptionCount));
        var exceptions = (await Spending.SearchExceptionsAsync(new SpendingExceptionFilter(ProviderAgbCode: agb), new PageRequest(1, 50))).Items;
        Assert.Equal([(SpendingExceptionKind.DuplicateDeclaration, "DN-B", 29_000L), (SpendingExceptionKind.CreditReversesNothing, "DN-C", 7_250L)],
            exceptions.Select(e => (e.ExceptionKind, e.DeclarationNumber, e.AmountCents)));
    }

    [EngineFact]
    public async Task A_share_key_is_stored_replaced_and_deleted_under_its_version_and_shares_the_contracts_budget()
    {
        var providerId = await new ProviderRepository(Database, Audit).InsertAsync(TestData.Provider());
        var contractId = await Contracts.InsertAsync(TestData.Contract(providerId) with { Kind = ContractKind.RegionaalOzjt, Municipalities = ["0141", "1735"] });
        await new ContractTermsRepository(Database, Audit, Positions).InsertBudgetAsync(
            new BudgetCeiling { ContractId = contractId, Year = 2025, MunicipalityCode = "0141", AmountCents = 1_000_001 });
        var keys = new BudgetShareKeyRepository(Database, Audit, Positions);

        await keys.InsertAsync(new BudgetShareKey { ContractId = contractId, Shares = [new("0141", 62.5m), new("1735", 37.5m)] });
        var stored = (await keys.ReadByContractAsync(contractId))!;

        // 1.000.001 × 62,5 % = 625.000,625 and × 37,5 % = 375.000,375: 1.000.000 rounded down, the cent left to 0141.
        Assert.Equal([("0141", 625_001L), ("1735", 375_000L)], await BudgetsAsync(contractId));
        Assert.Equal(WriteResult.Stale, await keys.UpdateAsync(stored with { RowVersion = 9, Shares = [new("0141", 100m)] }));
        Assert.Equal(WriteResult.Written, await keys.UpdateAsync(stored with { Shares = [new("1735", 100m)] }));
        var updated = (await keys.ReadByContractAsync(contractId))!;
        Assert.Equal((2L, "1735", 100m), (updated.RowVersion, Assert.Single(updated.Shares).MunicipalityCode, updated.Shares[0].Percent));
        Assert.Equal([("1735", 1_000_001L)], await BudgetsAsync(contractId));
        Assert.Equal(WriteResult.Stale, await keys.DeleteAsync(stored.Id, 1));
        Assert.Equal(WriteResult.Written, await keys.DeleteAsync(stored.Id, 2));
        Assert.Null(await keys.ReadByContractAsync(contractId));
        Assert.Equal([("0141", 1_000_001L)], await BudgetsAsync(contractId));
    }

    [EngineFact]
    public async Task Every_value_of_a_line_is_stored_as_the_engine_writes_it_in_bulk()
    {
        var (agb, contractId) = await ContractAsync();
        var line = new SpendingLine
        {
            ProviderAgbCode = agb, MunicipalityCode = "0141", Law = Law.Jeugdwet, ProductCategory = "45", ProductCode = "45A53",
            DeliveryStart = new(2025, 2, 1), DeliveryEnd = new(2025, 2, 28), Volume = 1234567890.25m, Unit = SpendingUnit.Etmaal,
            AmountCents = 9_000_000_000_000_000_007, DebetCredit = DebetCredit.Credit, DeclarationNumber = "F-é1", ProductReference = "Één €",
            AllocationNumber = "T1", ClientPseudonym = new string('a', 64),
        };
        var exception = new SpendingException(SpendingExceptionKind.AmountDeviatesFromTariff, "Bedrag wijkt af: € 15,00.");
        var bare = line with { DebetCredit = DebetCredit.Debet, ProductReference = null, AllocationNumber = null, ClientPseudonym = null };

        await WriteLinesAsync(CancellationToken.None, [new SpendingLineRow(7, line, contractId, exception, 42), new SpendingLineRow(8, bare, null, null)]);

        var flagged = Assert.Single((await Spending.SearchExceptionsAsync(new SpendingExceptionFilter(ProviderAgbCode: agb), new PageRequest(1, 10))).Items);
        Assert.Equal(
            (7, agb, "0141", "Jeugdwet", "45", "45A53", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), 1234567890.25m, "Etmaal",
             9_000_000_000_000_000_007, "C", "F-é1", (long?)contractId, SpendingExceptionKind.AmountDeviatesFromTariff, "Bedrag wijkt af: € 15,00."),
            (flagged.LineNumber, flagged.ProviderAgbCode, flagged.MunicipalityCode, flagged.Law, flagged.ProductCategory, flagged.ProductCode,
             flagged.DeliveryStart, flagged.DeliveryEnd, flagged.Volume, flagged.Unit, flagged.AmountCents, flagged.DebetCredit,
             flagged.DeclarationNumber, flagged.ContractId, flagged.ExceptionKind, flagged.ExceptionReason));
        var rest = await Database.RunAsync(null, c => c.QueryAsync<StoredRest>("""
            SELECT line_number, delivery_year, debet_credit, product_reference, allocation_number, client_pseudonym, contract_id, exception_kind, allocation_id
            FROM spending_line WHERE provider_agb_code = @Agb ORDER BY line_number
            """, new { Agb = agb }));
        var first = new StoredRest
        {
            LineNumber = 7, DeliveryYear = 2025, DebetCredit = "C", ProductReference = "Één €", AllocationNumber = "T1",
            ClientPseudonym = new string('a', 64), ContractId = contractId, ExceptionKind = "AmountDeviatesFromTariff", AllocationId = 42,
        };
        Assert.Equal(
            [first, new StoredRest { LineNumber = 8, DeliveryYear = 2025, DebetCredit = "D" }],
            rest);
    }

    [EngineFact]
    public async Task A_bulk_write_cancelled_after_many_lines_leaves_none_and_the_next_import_is_written()
    {
        var (agb, _) = await ContractAsync();
        var line = new SpendingLine
        {
            ProviderAgbCode = agb, MunicipalityCode = "0141", Law = Law.Wmo, ProductCategory = "45", ProductCode = "45A53",
            DeliveryStart = new(2025, 3, 1), DeliveryEnd = new(2025, 3, 31), Volume = 1, Unit = SpendingUnit.Uur, AmountCents = 7_250,
            DeclarationNumber = "C1",
        };
        using var cancel = new CancellationTokenSource();
        // 1,000 lines fill many INSERT batches and COPY write buffers, so most are on the server when the cancel comes; at
        // most one batch later the writer must see it.
        var rows = Enumerable.Range(0, 1_000 + SpendingLineInserts.BatchRows).Select(i => new SpendingLineRow(i + 2, line, null, null));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WriteLinesAsync(cancel.Token, [.. rows], cancelAfter: 1_000, cancel));

        Assert.Equal(0, await LineCountAsync(agb));
        var next = await Importer().ImportAsync(Csv($"{agb};0141;Wmo;45;45A53;01-03-2025;31-03-2025;1;uur;72,50;;C2;;;"), null);
        Assert.Equal((SpendingImportOutcome.Imported, 1), (next.Outcome, next.LinesImported));
        Assert.Equal(1, await LineCountAsync(agb));
    }

    /// <summary>
    /// Writes the rows through the engine's bulk writer in a transaction of their own and commits, as an import does;
    /// cancels <paramref name="cancel"/> once <paramref name="cancelAfter"/> rows are written.
    /// </summary>
    private async Task WriteLinesAsync(CancellationToken cancellationToken, SpendingLineRow[] rows, int? cancelAfter = null,
        CancellationTokenSource? cancel = null)
    {
        await using var connection = await Database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var importId = await Spending.InsertImportAsync(Guid.NewGuid().ToString("N"), SpendingSource.Csv, null, "f.smit", DateTimeOffset.UtcNow, transaction);
        await using (var writer = await Database.Dialect.BeginSpendingLinesAsync(transaction, importId, cancellationToken))
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (i == cancelAfter)
                {
                    await cancel!.CancelAsync();
                }
                await writer.AddAsync(rows[i], cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The columns of a stored line that the exceptions list does not show, mapped by name.</summary>
    private sealed record StoredRest
    {
        public int LineNumber { get; init; }
        public int DeliveryYear { get; init; }
        public string DebetCredit { get; init; } = "";
        public string? ProductReference { get; init; }
        public string? AllocationNumber { get; init; }
        public string? ClientPseudonym { get; init; }
        public long? ContractId { get; init; }
        public string? ExceptionKind { get; init; }
        public long? AllocationId { get; init; }
    }

    private async Task<List<(string, long)>> BudgetsAsync(long contractId) =>
        (await Reconciler.ReconcileAsync(new ReconciliationFilter(2025, ContractId: contractId), Today))
        .Where(r => r.BudgetCents is not null).Select(r => (r.MunicipalityCode!, r.BudgetCents!.Value)).ToList();

    private async Task<(string Agb, long ContractId)> ContractAsync()
    {
        var provider = TestData.Provider();
        var providerId = await new ProviderRepository(Database, Audit).InsertAsync(provider);
        var contractId = await Contracts.InsertAsync(TestData.Contract(providerId));
        var terms = new ContractTermsRepository(Database, Audit, Positions);
        await terms.InsertTariffAsync(new TariffLine
        {
            ContractId = contractId, ProductCategory = "45", ProductCode = "45A53", Unit = TariffUnit.Uur, PriceCents = 7_250, ValidFrom = new(2024, 1, 1),
        });
        await terms.InsertBudgetAsync(new BudgetCeiling { ContractId = contractId, Year = 2025, MunicipalityCode = "0141", AmountCents = 1_000_000 });
        return (provider.AgbCode, contractId);
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private Task<long> LineCountAsync(string agb) => Scalar("SELECT COUNT(*) FROM spending_line WHERE provider_agb_code = @Agb", agb);

    private Task<long> Scalar(string sql, string agb) => Database.RunAsync(null, c => c.ExecuteScalarAsync<long>(sql, new { Agb = agb }));

    private async Task<List<string>> PseudonymsAsync(string agb) => (await Database.RunAsync(null, c =>
        c.QueryAsync<string>("SELECT client_pseudonym FROM spending_line WHERE provider_agb_code = @Agb ORDER BY line_number", new { Agb = agb }))).AsList();
}
