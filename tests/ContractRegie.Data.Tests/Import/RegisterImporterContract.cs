using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Import;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Tests.Infrastructure;
using Dapper;

namespace ContractRegie.Data.Tests.Import;

/// <summary>What <see cref="RegisterImporter"/> promises on every engine: all or nothing, and idempotent.</summary>
public abstract class RegisterImporterContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private const string ProviderHeader = "naam;kvk_nummer;agb_code;straat;postcode;plaats;email;contractmanager;ozjt_top16;actief";
    private const string ContractHeader =
        "contractnummer;omschrijving;agb_code;soort;wet;aanbestedingsroute;gemeenten;startdatum;einddatum;opties;opties_gelicht;"
        + "opzegtermijn_maanden;doorlooptijd_aanbesteding_maanden;contracteigenaar;contractmanager;tactisch_inkoper;status";
    private const string TariffHeader = "contractnummer;productcategorie;productcode;eenheid;tarief;geldig_van;geldig_tot;indexatie";

    private static readonly Encoding Windows1252 = CodePagesEncoding(1252);

    private ProviderRepository Providers => new(Database, Audit);
    private ContractRepository Contracts => new(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay));
    private ContractTermsRepository Terms => new(Database, Audit, Positions);
    private RegisterImporter Importer => new(Database, Providers, Contracts, Terms, new(Database, Audit), new(Database, Audit), ContractDay, new ProcurementLeadTimes());

    [EngineFact]
    public async Task A_provider_file_is_inserted_with_every_field()
    {
        var (agb1, agb2) = (Unique.EightDigits(), Unique.EightDigits());

        var report = await ImportAsync(RegisterImportKind.Providers,
            ProviderHeader,
            $"Stichting De Linde;41023456;{agb1};\"Hofstraat 12; unit 3\";7607 AB;Almelo;info@delinde.nl;A. Bakker;ja;j",
            $"Zorggroep Het Anker;8123456;{agb2};;;;;;;n");

        Assert.Empty(report.Errors);
        Assert.Equal((2, 2, 0, 0), (report.RowsRead, report.Inserted, report.Updated, report.Unchanged));
        var linde = await Providers.ReadByAgbCodeAsync(agb1);
        Assert.Equal(new Provider
        {
            Id = linde!.Id, Name = "Stichting De Linde", KvkNumber = "41023456", AgbCode = agb1, Street = "Hofstraat 12; unit 3",
            PostalCode = "7607 AB", City = "Almelo", ContactEmail = "info@delinde.nl", ContractManager = "A. Bakker", OzjtTop16 = true, Active = true,
            RowVersion = 1, UpdatedAt = WrittenAt,
        }, linde);
        var anker = await Providers.ReadByAgbCodeAsync(agb2);
        Assert.Equal(("08123456", null, false, false), (anker!.KvkNumber, anker.Street, anker.OzjtTop16, anker.Active));
    }

    [EngineFact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        var files = FreshRegisterFiles();

        var first = await ImportAllAsync(files);
        var second = await ImportAllAsync(files);

        Assert.Equal([(2, 0, 0), (2, 0, 0), (3, 0, 0)], first.Select(r => (r.Inserted, r.Updated, r.Unchanged)));
        Assert.Equal([(0, 0, 2), (0, 0, 2), (0, 0, 3)], second.Select(r => (r.Inserted, r.Updated, r.Unchanged)));
    }

    [EngineFact]
    public async Task A_changed_row_is_updated_and_the_others_are_left_alone()
    {
        var files = FreshRegisterFiles();
        await ImportAllAsync(files);
        var changed = files with
        {
            Providers = files.Providers.Replace("Stichting De Linde", "Stichting De Linde Twente", StringComparison.Ordinal),
            Contracts = files.Contracts.Replace(
                ContractRow(files.ContractNumber, files.AgbCode), ContractRow(files.ContractNumber, files.AgbCode, exercisedOptions: 1), StringComparison.Ordinal),
            Tariffs = files.Tariffs.Replace("1.234,56", "1.250,00", StringComparison.Ordinal),
        };

        var reports = await ImportAllAsync(changed);

        Assert.Equal([(0, 1, 1), (0, 1, 1), (0, 1, 2)], reports.Select(r => (r.Inserted, r.Updated, r.Unchanged)));
        var contract = await Contracts.ReadByIdAsync((await Contracts.ReadIdByNumberAsync(files.ContractNumber))!.Value);
        Assert.Equal([new ExtensionOption(1, 12, true), new ExtensionOption(2, 12, false)], contract!.ExtensionOptions);
        var tariffs = await Terms.ReadTariffsAsync(contract.Id);
        Assert.Contains(tariffs, t => t.PriceCents == 125_000);
    }

    [EngineFact]
    public async Task A_contract_is_stored_as_the_file_describes_it()
    {
        var files = FreshRegisterFiles();

        await ImportAllAsync(files);

        var contract = await Contracts.ReadByIdAsync((await Contracts.ReadIdByNumberAsync(files.ContractNumber))!.Value);
        var provider = await Providers.ReadByAgbCodeAsync(files.AgbCode);
        Assert.Equal(new Contract
        {
            Id = contract!.Id, ContractNumber = files.ContractNumber, Title = "Jeugdhulp ambulant", ProviderId = provider!.Id,
            Kind = ContractKind.Lokaal, Law = Law.Jeugdwet, ProcurementRoute = ProcurementRoute.OpenHouse,
            Municipalities = ["0141", "1735"], StartDate = new DateOnly(2023, 1, 1), InitialEndDate = new DateOnly(2025, 12, 31),
            ExtensionOptions = [new ExtensionOption(1, 12, false), new ExtensionOption(2, 12, false)],
            NoticePeriodMonths = 6, ProcurementLeadTimeMonths = 9, ContractOwner = "Teamleider Jeugd", ContractManager = "A. Bakker",
            TactischInkoper = "E. Brinkman", Status = ContractStatus.Actief, ProviderName = provider.Name, RowVersion = 1,
            UpdatedAt = WrittenAt,
        }, contract with { Municipalities = contract.Municipalities.ToList(), ExtensionOptions = contract.ExtensionOptions.ToList() },
            ContractComparer.Instance);
        var tariffs = await Terms.ReadTariffsAsync(contract.Id);
        Assert.Equal([(7_840L, (DateOnly?)null, 0m), (123_456L, new DateOnly(2025, 12, 31), 3.25m)],
            tariffs.OrderBy(t => t.ProductCode).Select(t => (t.PriceCents, t.ValidTo, t.IndexationPercent)));
    }

    [EngineFact]
    public async Task A_provider_file_with_bad_rows_writes_nothing_and_reports_each_bad_row_at_its_line()
    {
        var good = Unique.EightDigits();
        var before = await CountAsync("provider");

        var report = await ImportAsync(RegisterImportKind.Providers,
            ProviderHeader,                                                        // line 1
            $"Goed;12345678;{good};;;;;;;",                                       // line 2
            $"\"Naam over\ntwee regels\";12AB;{Unique.EightDigits()};;;;;;;",     // lines 3-4: a name holds no line break
            $"Fout ja/nee;12345678;{Unique.EightDigits()};;;;;;;misschien",        // line 5
            $"Dubbel;12345678;{good};;;;;;;",                                     // line 6: AGB-code of line 2
            $";12345678;{Unique.EightDigits()};;;;geen-mailadres;;;");           // line 7: no name, bad e-mail

        Assert.False(report.Succeeded);
        Assert.Equal((5, 0, 0, 0), (report.RowsRead, report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal(
            [(3, "naam"), (5, "actief"), (6, "agb_code"), (7, "naam")],
            report.Errors.Select(e => (e.Line, e.Field!)));
        Assert.Contains("regel 2", report.Errors.Single(e => e.Line == 6).Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync("provider"));
        Assert.Null(await Providers.ReadByAgbCodeAsync(good));
    }

    [EngineFact]
    public async Task A_contract_file_with_bad_rows_writes_nothing_and_names_line_and_column()
    {
        var agb = Unique.EightDigits();
        await ImportAsync(RegisterImportKind.Providers, ProviderHeader, $"Zorg;12345678;{agb};;;;;;;");
        var before = (await CountAsync("contract"), await CountAsync("extension_option"), await CountAsync("contract_municipality"));

        var report = await ImportAsync(RegisterImportKind.Contracts,
            ContractHeader,
            ContractRow("C-" + Unique.Token(), agb),                                                             // line 2: good
            ContractRow("C-" + Unique.Token(), Unique.EightDigits()),                                            // line 3: unknown provider
            ContractRow("C-" + Unique.Token(), agb).Replace(";Lokaal;", ";Regionaal;", StringComparison.Ordinal), // line 4: no such kind
            ContractRow("C-" + Unique.Token(), agb).Replace("31-12-2025", "31-12-2022", StringComparison.Ordinal), // line 5: ends before it starts
            ContractRow("C-" + Unique.Token(), agb, exercisedOptions: 3),                                        // line 6: three of two options
            ContractRow("C-" + Unique.Token(), agb).Replace("0141,1735", "0141,99999", StringComparison.Ordinal)); // line 7: no CBS code

        Assert.Equal(
            [(3, "agb_code"), (4, "soort"), (5, "einddatum"), (6, "opties_gelicht"), (7, "gemeenten")],
            report.Errors.Select(e => (e.Line, e.Field!)));
        Assert.Equal(before, (await CountAsync("contract"), await CountAsync("extension_option"), await CountAsync("contract_municipality")));
    }

    [EngineFact]
    public async Task Tariffs_for_a_contract_that_is_not_in_the_register_are_rejected_and_nothing_is_written()
    {
        var files = FreshRegisterFiles();
        await ImportAsync(RegisterImportKind.Providers, files.Providers);
        await ImportAsync(RegisterImportKind.Contracts, files.Contracts);
        var before = await CountAsync("tariff_line");
        var unknown = "C-" + Unique.Token();

        var report = await ImportAsync(RegisterImportKind.Tariffs,
            TariffHeader,
            $"{files.ContractNumber};45;45A53;Uur;78,40;01-01-2026;;",
            $"{unknown};45;45A53;Uur;78,40;01-01-2026;;");

        Assert.Equal([new ImportError(3, "contractnummer", $"Er staat geen contract met nummer {unknown} in het register.")], report.Errors);
        Assert.Equal(before, await CountAsync("tariff_line"));
    }

    [EngineFact]
    public async Task A_tariff_overlapping_a_stored_line_or_an_earlier_row_is_refused_and_nothing_is_written()
    {
        var files = FreshRegisterFiles();
        await ImportAllAsync(files);
        var before = await CountAsync("tariff_line");

        // Stored: 45A53 from 1-1-2026 open-ended, 45A54 in 2025. Row 2 starts inside the stored 45A53; row 3 is fine on
        // its own (2024), row 4 overlaps row 3; row 5 only changes the stored 45A54 line (same geldig_van) and is fine.
        var report = await ImportAsync(RegisterImportKind.Tariffs,
            TariffHeader,
            $"{files.ContractNumber};45;45A53;Uur;80,00;01-07-2026;;",
            $"{files.ContractNumber};45;45A55;Uur;80,00;01-01-2024;31-12-2024;",
            $"{files.ContractNumber};45;45A55;Uur;82,00;01-12-2024;;",
            $"{files.ContractNumber};45;45A54;Uur;1.300,00;01-01-2025;31-12-2025;");

        Assert.Equal([(2, "geldig_van"), (4, "geldig_van")], report.Errors.Select(e => (e.Line, e.Field!)));
        Assert.StartsWith("Overlapt met het tarief voor 45/45A53 dat geldt van 01-01-2026;", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync("tariff_line"));
    }

    [EngineFact]
    public async Task Missing_required_columns_are_one_error_on_line_1_naming_them()
    {
        var report = await ImportAsync(RegisterImportKind.Tariffs, "Contractnummer;PRODUCTCODE;eenheid;geldig_van", "x;y;Uur;01-01-2026");

        var error = Assert.Single(report.Errors);
        Assert.Equal((1, null), (error.Line, error.Field));
        Assert.Equal("Ontbrekende verplichte kolommen: productcategorie, tarief.", error.Message);
    }

    [EngineFact]
    public async Task A_row_that_leaves_every_required_cell_empty_is_reported_on_exactly_the_required_columns()
    {
        // One optional cell filled, or the row would be blank and skipped.
        (RegisterImportKind Kind, string FilledColumn, string Value)[] cases =
            [(RegisterImportKind.Providers, "actief", "ja"), (RegisterImportKind.Contracts, "status", "Actief"), (RegisterImportKind.Tariffs, "indexatie", "3,25")];
        foreach (var (kind, filledColumn, value) in cases)
        {
            var columns = RegisterColumns.For(kind);
            var row = string.Join(";", columns.Select(c => c.Name == filledColumn ? value : ""));

            var report = await ImportAsync(kind, string.Join(";", columns.Select(c => c.Name)), row);

            Assert.Equal(columns.Where(c => c.Required).Select(c => (2, c.Name)).Order(), report.Errors.Select(e => (e.Line, e.Field!)).Order());
        }
    }

    [EngineFact]
    public async Task Windows_1252_semicolon_and_utf8_comma_files_import_alike()
    {
        var (agb1, agb2) = (Unique.EightDigits(), Unique.EightDigits());
        var excel = Windows1252.GetBytes($"{ProviderHeader}\r\nCrèche Één & Café;12345678;{agb1};;;Enschede;;;nee;ja\r\n");
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"naam,agb_code,kvk_nummer\n\"Zorg, Welzijn\",{agb2},12345678\n")).ToArray();

        var reports = new[]
        {
            await Importer.ImportAsync(RegisterImportKind.Providers, new MemoryStream(excel)),
            await Importer.ImportAsync(RegisterImportKind.Providers, new MemoryStream(utf8)),
        };

        Assert.All(reports, r => Assert.True(r.Succeeded, string.Join("; ", r.Errors)));
        Assert.Equal("Crèche Één & Café", (await Providers.ReadByAgbCodeAsync(agb1))!.Name);
        Assert.Equal("Zorg, Welzijn", (await Providers.ReadByAgbCodeAsync(agb2))!.Name);
    }

    [EngineFact]
    public async Task A_comma_separated_tariff_file_uses_a_decimal_point()
    {
        var files = FreshRegisterFiles();
        await ImportAsync(RegisterImportKind.Providers, files.Providers);
        await ImportAsync(RegisterImportKind.Contracts, files.Contracts);

        var report = await ImportAsync(RegisterImportKind.Tariffs,
            "contractnummer,productcategorie,productcode,eenheid,tarief,geldig_van,indexatie",
            $"{files.ContractNumber},41,41A03,dagdeel,1234.5,2026-01-01,2.75");

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var id = (await Contracts.ReadIdByNumberAsync(files.ContractNumber))!.Value;
        var tariff = Assert.Single(await Terms.ReadTariffsAsync(id));
        Assert.Equal((TariffUnit.Dagdeel, 123_450L, 2.75m), (tariff.Unit, tariff.PriceCents, tariff.IndexationPercent));
    }

    [EngineFact]
    public async Task The_documented_samples_import_and_import_again_unchanged()
    {
        RegisterFiles samples = new(
            File.ReadAllText(SamplePath("providers.csv")),
            File.ReadAllText(SamplePath("contracts.csv")),
            File.ReadAllText(SamplePath("tariffs.csv")),
            AgbCode: "", ContractNumber: "");

        var first = await ImportAllAsync(samples);
        var second = await ImportAllAsync(samples);

        Assert.All(first, r => Assert.True(r.Succeeded && r.Inserted == r.RowsRead, string.Join("; ", r.Errors)));
        Assert.All(second, r => Assert.Equal(r.RowsRead, r.Unchanged));
        // The sample has 2025 statements filed in 2026: imported on 2 December 2026, when that year has ended and they are filed.
        var statements = Encoding.UTF8.GetBytes(File.ReadAllText(SamplePath("financial-statements.csv")));
        var importer = new RegisterImporter(Database, Providers, Contracts, Terms, new(Database, Audit), new(Database, Audit),
            new FixedClock(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero)), new ProcurementLeadTimes());
        var reports = new[]
        {
            await importer.ImportAsync(RegisterImportKind.FinancialStatements, new MemoryStream(statements)),
            await importer.ImportAsync(RegisterImportKind.FinancialStatements, new MemoryStream(statements)),
        };
        Assert.Equal([(3, 0), (0, 3)], reports.Select(r => (r.Inserted, r.Unchanged)));
    }

    /// <summary>More rows than one IN list of stored keys holds, and many insert batches: what the bulk planner and writer split.</summary>
    private int LargeFile => Database.Dialect.KeysPerList + 100;

    [EngineFact]
    public async Task A_large_file_of_new_changed_and_unchanged_contracts_is_reported_and_stored_row_for_row()
    {
        var agb = Unique.EightDigits();
        await ImportAsync(RegisterImportKind.Providers, ProviderHeader, $"Zorg;12345678;{agb};;;;;;;");
        var prefix = "B" + Unique.Token() + "-";
        var numbers = Enumerable.Range(0, LargeFile).Select(i => prefix + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        var first = await ImportAsync(RegisterImportKind.Contracts, [ContractHeader, .. numbers.Select(number => ContractRow(number, agb))]);
        // Every seventh row gets a new title and 60 new rows follow; the rest stay as they are.
        var titles = numbers.Select((number, i) => (number, Title: i % 7 == 0 ? "Jeugdhulp ambulant " + i : "Jeugdhulp ambulant"))
            .Concat(Enumerable.Range(0, 60).Select(i => (number: prefix + "N" + i.ToString(CultureInfo.InvariantCulture), Title: "Jeugdhulp ambulant")))
            .ToList();
        string[] changedFile = [ContractHeader, .. titles.Select(t => ContractRow(t.number, agb).Replace(";Jeugdhulp ambulant;", $";{t.Title};", StringComparison.Ordinal))];

        var second = await ImportAsync(RegisterImportKind.Contracts, changedFile);
        var auditedBefore = await CountAsync("audit_entry");
        var third = await ImportAsync(RegisterImportKind.Contracts, changedFile);

        var changed = (LargeFile + 6) / 7;
        Assert.Equal((LargeFile, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((LargeFile + 60, 60, changed, LargeFile - changed), (second.RowsRead, second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal((0, 0, LargeFile + 60), (third.Inserted, third.Updated, third.Unchanged));
        Assert.Equal(auditedBefore, await CountAsync("audit_entry"));
        await using var connection = await Database.OpenAsync();
        var stored = (await connection.QueryAsync<(string Number, string Title)>(
                "SELECT contract_number, title FROM contract WHERE contract_number LIKE @Prefix", new { Prefix = prefix + "%" }))
            .ToDictionary(c => c.Number, c => c.Title, StringComparer.Ordinal);
        Assert.Equal(titles.ToDictionary(t => t.number, t => t.Title, StringComparer.Ordinal), stored);
        Assert.Equal((2L * stored.Count, 2L * stored.Count), (await CountChildrenAsync("contract_municipality", prefix), await CountChildrenAsync("extension_option", prefix)));
    }

    [EngineFact]
    public async Task One_bad_row_far_down_a_large_file_writes_nothing()
    {
        var agb = Unique.EightDigits();
        await ImportAsync(RegisterImportKind.Providers, ProviderHeader, $"Zorg;12345678;{agb};;;;;;;");
        var prefix = "X" + Unique.Token() + "-";
        var rows = Enumerable.Range(0, LargeFile).Select(i => ContractRow(prefix + i.ToString(CultureInfo.InvariantCulture), agb)).ToList();
        var unknown = Unique.EightDigits();
        rows[LargeFile - 10] = ContractRow(prefix + "onbekend", unknown);
        var tables = new[] { "contract", "contract_municipality", "extension_option", "audit_entry" };
        var before = await Task.WhenAll(tables.Select(CountAsync));

        var report = await ImportAsync(RegisterImportKind.Contracts, [ContractHeader, .. rows]);

        Assert.Equal([new ImportError(LargeFile - 10 + 2, "agb_code", $"Er staat geen zorgaanbieder met AGB-code {unknown} in het register.")], report.Errors);
        Assert.Equal((LargeFile, 0, 0, 0), (report.RowsRead, report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal(before, await Task.WhenAll(tables.Select(CountAsync)));
    }

    [EngineFact]
    public async Task Bulk_inserted_contracts_and_providers_are_stored_and_audited_as_one_insert_stores_them()
    {
        var (agb, single) = (Unique.EightDigits(), Unique.EightDigits());
        var providerId = await Providers.InsertAsync(new Provider { Name = "Stichting De Linde", KvkNumber = "41023456", AgbCode = single, City = "Almelo" });
        var agbCodes = Enumerable.Range(0, 70).Select(_ => Unique.EightDigits()).Prepend(agb).ToList();
        await ImportAsync(RegisterImportKind.Providers, [ProviderHeader, .. agbCodes.Select(code => $"Stichting De Linde;41023456;{code};;;Almelo;;;nee;ja")]);
        var contractId = await Contracts.InsertAsync(new Contract
        {
            ContractNumber = "S-" + Unique.Token(), Title = "Jeugdhulp ambulant", ProviderId = providerId, Kind = ContractKind.Lokaal, Law = Law.Jeugdwet,
            ProcurementRoute = ProcurementRoute.OpenHouse, Municipalities = ["0141", "1735"], StartDate = new DateOnly(2023, 1, 1),
            InitialEndDate = new DateOnly(2025, 12, 31), ExtensionOptions = [new ExtensionOption(1, 12, false), new ExtensionOption(2, 12, false)],
            NoticePeriodMonths = 6, ProcurementLeadTimeMonths = 9, ContractOwner = "Teamleider Jeugd", ContractManager = "A. Bakker",
            TactischInkoper = "E. Brinkman", Status = ContractStatus.Actief,
        });
        var numbers = Enumerable.Range(0, 70).Select(_ => "C-" + Unique.Token()).ToList();
        await ImportAsync(RegisterImportKind.Contracts, [ContractHeader, .. numbers.Select(number => ContractRow(number, agb))]);
        var bulkProvider = (await Providers.ReadByAgbCodeAsync(agb))!;
        var singleContract = (await Contracts.ReadByIdAsync(contractId))!;

        foreach (var code in agbCodes)
        {
            var provider = (await Providers.ReadByAgbCodeAsync(code))!;
            Assert.Equal(await AfterDataAsync("provider", providerId, single, code, provider.Id), await AfterDataAsync("provider", provider.Id, code, code, provider.Id));
        }
        foreach (var number in numbers)
        {
            var id = (await Contracts.ReadIdByNumberAsync(number))!.Value;
            var contract = (await Contracts.ReadByIdAsync(id))!;
            Assert.Equal(singleContract with { Id = id, ContractNumber = number, ProviderId = bulkProvider.Id }, contract, ContractComparer.Instance);
            Assert.Equal(await KeyDateColumnsAsync(contractId), await KeyDateColumnsAsync(id));
            Assert.Equal(
                (await AfterDataAsync("contract", contractId, singleContract.ContractNumber, number, id)).Replace($"\"providerId\":{providerId}", $"\"providerId\":{bulkProvider.Id}", StringComparison.Ordinal),
                await AfterDataAsync("contract", id, number, number, id));
        }
    }

    [EngineFact]
    public async Task A_bulk_inserted_contract_is_audited_as_it_reads_back_when_the_clock_is_finer_than_the_database()
    {
        // Three ticks past a whole microsecond, finer than PostgreSQL keeps; the new rows are not read back for their audit entries.
        var clock = new FixedClock(WrittenAt.AddTicks(1_234_563));
        var audit = new AuditTrail(Database, new FixedActor("test"), clock);
        var contracts = new ContractRepository(Database, audit, ContractDay, TestBudgetPositions.On(Database, ContractDay));
        var importer = new RegisterImporter(Database, new ProviderRepository(Database, audit), contracts, new ContractTermsRepository(Database, audit, Positions),
            new(Database, audit), new(Database, audit), ContractDay, new ProcurementLeadTimes());
        var agb = Unique.EightDigits();
        await importer.ImportAsync(RegisterImportKind.Providers, Csv(ProviderHeader, $"Stichting De Linde;41023456;{agb};;;Almelo;;;nee;ja"));
        var numbers = Enumerable.Range(0, 3).Select(_ => "C-" + Unique.Token()).ToList();

        var report = await importer.ImportAsync(RegisterImportKind.Contracts, Csv([ContractHeader, .. numbers.Select((number, i) => ContractRow(number, agb, i))]));

        Assert.Equal(3, report.Inserted);
        foreach (var number in numbers)
        {
            var stored = (await contracts.ReadByIdAsync((await contracts.ReadIdByNumberAsync(number))!.Value))!;
            var entry = Assert.Single((await audit.SearchAsync(new AuditFilter("contract", stored.Id.ToString(CultureInfo.InvariantCulture)), new PageRequest(1, 10))).Items);
            var audited = JsonSerializer.Deserialize<Contract>(entry.AfterData!, AuditJson)!;
            Assert.Equal(stored, audited, ContractComparer.Instance);
            Assert.Equal(stored.UpdatedAt, entry.OccurredAt);
        }
    }

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(Lines(lines)));

    /// <summary>
    /// The one audit entry of a row, which must be its creation at <see cref="EngineTests{TDatabase}.WrittenAt"/>, with its id and key
    /// replaced by another row's: so two rows' entries compare equal when only those differ.
    /// </summary>
    private async Task<string> AfterDataAsync(string entity, long id, string key, string asKey, long asId)
    {
        var entry = Assert.Single((await Audit.SearchAsync(new AuditFilter(entity, id.ToString(CultureInfo.InvariantCulture)), new PageRequest(1, 10))).Items);
        Assert.Equal((AuditAction.Create, WrittenAt, "test"), (entry.Action, entry.OccurredAt, entry.Actor));
        return entry.AfterData!.Replace($"\"id\":{id},", $"\"id\":{asId},", StringComparison.Ordinal).Replace(key, asKey, StringComparison.Ordinal);
    }

    private async Task<(DateOnly?, DateOnly?, DateOnly?, DateOnly?, DateTimeOffset, long)> KeyDateColumnsAsync(long id)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.QuerySingleAsync<(DateOnly?, DateOnly?, DateOnly?, DateOnly?, DateTimeOffset, long)>(
            "SELECT current_end, decision_deadline, procurement_start_deadline, next_deadline, updated_at, row_version FROM contract WHERE id = @Id", new { Id = id });
    }

    private async Task<long> CountChildrenAsync(string table, string prefix)
    {
        await using var connection = await Database.OpenAsync();
        // The table name is one of this class's constants, never input.
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM " + table + " x JOIN contract c ON c.id = x.contract_id WHERE c.contract_number LIKE @Prefix", new { Prefix = prefix + "%" });
    }

    /// <summary>One provider and contract under test plus one of each that stays the same.</summary>
    private static RegisterFiles FreshRegisterFiles()
    {
        var (agb, otherAgb) = (Unique.EightDigits(), Unique.EightDigits());
        var (number, otherNumber) = ("C-" + Unique.Token(), "C-" + Unique.Token());
        return new RegisterFiles(
            Lines(ProviderHeader, $"Stichting De Linde;41023456;{agb};;;Almelo;;;nee;ja", $"Het Anker;41034567;{otherAgb};;;Borne;;;ja;ja"),
            Lines(ContractHeader, ContractRow(number, agb), ContractRow(otherNumber, otherAgb)),
            Lines(TariffHeader,
                $"{number};45;45A54;Uur;\"1.234,56\";01-01-2025;31-12-2025;3,25",
                $"{number};45;45A53;Uur;78,40;2026-01-01;;",
                $"{otherNumber};01;01A01;Uur;34,12;1-1-2026;;3"),
            agb, number);
    }

    private static string ContractRow(string number, string agb, int exercisedOptions = 0) =>
        $"{number};Jeugdhulp ambulant;{agb};Lokaal;Jeugdwet;Open house;0141,1735;01-01-2023;31-12-2025;12+12;{exercisedOptions};6;9;"
        + "Teamleider Jeugd;A. Bakker;E. Brinkman;";

    private async Task<List<ImportReport>> ImportAllAsync(RegisterFiles files) =>
    [
        await ImportAsync(RegisterImportKind.Providers, files.Providers),
        await ImportAsync(RegisterImportKind.Contracts, files.Contracts),
        await ImportAsync(RegisterImportKind.Tariffs, files.Tariffs),
    ];

    private Task<ImportReport> ImportAsync(RegisterImportKind kind, params string[] lines) => Importer.ImportAsync(kind, Csv(lines));

    /// <summary>A sample file the documentation shows.</summary>
    private static string SamplePath(string name) => Path.Combine(RepositoryRoot.Find().FullName, "docs", "samples", name);

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.OpenAsync();
        // The table name is one of this class's constants, never input.
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM " + table);
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private sealed record RegisterFiles(string Providers, string Contracts, string Tariffs, string AgbCode, string ContractNumber);

    /// <summary>Records compare lists by reference; compare the contract's lists by content.</summary>
    private sealed class ContractComparer : IEqualityComparer<Contract>
    {
        public static readonly ContractComparer Instance = new();

        public bool Equals(Contract? x, Contract? y) =>
            x is not null && y is not null
            && x.Municipalities.SequenceEqual(y.Municipalities)
            && x.ExtensionOptions.SequenceEqual(y.ExtensionOptions)
            && x == y with { Municipalities = x.Municipalities, ExtensionOptions = x.ExtensionOptions };

        public int GetHashCode(Contract contract) => contract.ContractNumber.GetHashCode(StringComparison.Ordinal);
    }
}
