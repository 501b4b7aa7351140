using System.Text;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Providers;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Import;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Tests.Infrastructure;

namespace ContractRegie.Data.Tests.Monitoring;

/// <summary>Outcome measurements, annual statements and provider risk: imports and repositories on every engine.</summary>
public abstract class MonitoringDataContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private const string MeasurementHeader = "contractnummer;indicator;periode;waarde;gerapporteerd_op;bron";
    private const string StatementHeader = "agb_code;boekjaar;omzet;resultaat;eigen_vermogen;balanstotaal;vlottende_activa;kortlopende_schulden;"
                                           + "omzet_gemeente;accountantsverklaring;continuiteitsparagraaf;ingediend_op";

    private ProviderRepository Providers => new(Database, Audit);
    private ContractRepository Contracts => new(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay));
    private ContractTermsRepository Terms => new(Database, Audit, Positions);
    private OutcomeMeasurementRepository Measurements => new(Database, Audit);
    private FinancialStatementRepository Statements => new(Database, Audit);
    /// <summary>Imported on 1 November 2026: 2026-K3 has begun and 2025 has ended, so the files' periods and years can be reported.</summary>
    private RegisterImporter Importer => new(Database, Providers, Contracts, Terms, Measurements, Statements,
        new FixedClock(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero)), new ProcurementLeadTimes());

    /// <summary>A contract with a quarterly waiting-time agreement.</summary>
    private async Task<(Provider Provider, Contract Contract)> ContractWithAgreementAsync()
    {
        var provider = TestData.Provider();
        var providerId = await Providers.InsertAsync(provider);
        var contract = TestData.Contract(providerId);
        var contractId = await Contracts.InsertAsync(contract);
        await Terms.InsertAgreementAsync(new OutcomeAgreement
        {
            ContractId = contractId, Indicator = "Wachttijd tot start zorg", Norm = 42m, Direction = NormDirection.AtMost, Unit = "dagen",
            Frequency = ReportingFrequency.Kwartaal, Tolerance = 3m,
        });
        return (provider with { Id = providerId }, contract with { Id = contractId });
    }

    [EngineFact]
    public async Task Measurements_import_once_and_a_changed_value_updates_the_same_row()
    {
        var (_, contract) = await ContractWithAgreementAsync();
        string[] rows =
        [
            $"{contract.ContractNumber};Wachttijd tot start zorg;2026-k2;38;15-07-2026;kwartaalrapportage",
            $"{contract.ContractNumber};Wachttijd tot start zorg;2026-K3;\"47,5\";14-10-2026;",
        ];

        var first = await ImportAsync(RegisterImportKind.OutcomeMeasurements, [MeasurementHeader, .. rows]);
        var again = await ImportAsync(RegisterImportKind.OutcomeMeasurements, [MeasurementHeader, .. rows]);
        var changed = await ImportAsync(RegisterImportKind.OutcomeMeasurements, MeasurementHeader, rows[0].Replace(";38;", ";39;", StringComparison.Ordinal));

        Assert.Equal((2, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, 0), (changed.Inserted, changed.Updated, changed.Unchanged));
        var stored = await Measurements.ReadByContractAsync(contract.Id);
        Assert.Equal([("2026-K2", 39m, "kwartaalrapportage"), ("2026-K3", 47.5m, null)], stored.Select(m => (m.Period, m.Value, m.Source)));
        Assert.Equal(new DateOnly(2026, 10, 14), stored[1].ReportedOn);
    }

    [EngineFact]
    public async Task A_measurement_file_with_a_bad_row_writes_nothing_and_says_why_per_row()
    {
        var (_, contract) = await ContractWithAgreementAsync();
        var unknown = "C-" + Unique.Token();

        var report = await ImportAsync(RegisterImportKind.OutcomeMeasurements,
            MeasurementHeader,
            $"{contract.ContractNumber};Wachttijd tot start zorg;2026-K2;38;15-07-2026;",  // line 2: good
            $"{unknown};Wachttijd tot start zorg;2026-K2;38;15-07-2026;",                  // line 3: no such contract
            $"{contract.ContractNumber};Doelrealisatie;2026-K2;70;15-07-2026;",            // line 4: no such agreement
            $"{contract.ContractNumber};Wachttijd tot start zorg;2026-H1;38;15-07-2026;",  // line 5: not a quarter
            $"{contract.ContractNumber};Wachttijd tot start zorg;2026-K7;38;15-07-2026;"); // line 6: no period

        Assert.Equal([(3, "contractnummer"), (4, "indicator"), (5, "periode"), (6, "periode")], report.Errors.Select(e => (e.Line, e.Field!)));
        Assert.Contains("Wachttijd tot start zorg", report.Errors.Single(e => e.Line == 4).Message, StringComparison.Ordinal);
        Assert.Empty(await Measurements.ReadByContractAsync(contract.Id));
    }

    [EngineFact]
    public async Task Statements_import_in_cents_and_again_unchanged()
    {
        var provider = TestData.Provider();
        var providerId = await Providers.InsertAsync(provider);
        string[] file =
        [
            StatementHeader,
            $"{provider.AgbCode};2024;\"9.500.000,00\";\"-12.345,67\";\"2.000.000\";\"4.800.000\";\"2.500.000\";\"1.300.000\";\"2.850.000\";MetBeperking;ja;15-07-2025",
            $"{provider.AgbCode};2025;10000000;200000;2500000;5000000;3000000;1500000;3000000;Goedkeurend;;",
        ];

        var first = await ImportAsync(RegisterImportKind.FinancialStatements, file);
        var again = await ImportAsync(RegisterImportKind.FinancialStatements, file);

        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal((2, 0), (first.Inserted, again.Inserted));
        Assert.Equal(2, again.Unchanged);
        var stored = await Statements.ReadByProviderAsync(providerId);
        Assert.Equal(new FinancialStatement
        {
            Id = stored[0].Id, ProviderId = providerId, Year = 2024, RevenueCents = 950_000_000, ResultCents = -1_234_567, EquityCents = 200_000_000,
            TotalAssetsCents = 480_000_000, CurrentAssetsCents = 250_000_000, CurrentLiabilitiesCents = 130_000_000, MunicipalRevenueCents = 285_000_000,
            AuditorOpinion = AuditorOpinion.MetBeperking, GoingConcernNote = true, FiledOn = new DateOnly(2025, 7, 15), RowVersion = 1,
        }, stored[0]);
        Assert.Equal((2025, false, (DateOnly?)null), (stored[1].Year, stored[1].GoingConcernNote, stored[1].FiledOn));
    }

    [EngineFact]
    public async Task A_statement_for_an_unknown_provider_or_with_impossible_figures_is_rejected()
    {
        var provider = TestData.Provider();
        var providerId = await Providers.InsertAsync(provider);
        var unknown = Unique.EightDigits();

        var report = await ImportAsync(RegisterImportKind.FinancialStatements,
            StatementHeader,
            $"{provider.AgbCode};2025;1000;10;500;1000;400;300;200;Goedkeurend;;",
            $"{unknown};2025;1000;10;500;1000;400;300;200;Goedkeurend;;",
            $"{provider.AgbCode};2024;1000;10;500;1000;400;300;2000;Goedkeurend;;",
            $"{provider.AgbCode};2023;1000;10;500;1000;400;300;200;Positief;;");

        Assert.Equal([(3, "agb_code"), (4, "omzet_gemeente"), (5, "accountantsverklaring")], report.Errors.Select(e => (e.Line, e.Field!)));
        Assert.Empty(await Statements.ReadByProviderAsync(providerId));
    }

    [EngineFact]
    public async Task Searches_filter_on_contract_indicator_period_provider_and_year()
    {
        var (provider, contract) = await ContractWithAgreementAsync();
        foreach (var period in new[] { "2026-K1", "2026-K2" })
        {
            await Measurements.InsertAsync(new OutcomeMeasurement
            {
                ContractId = contract.Id, Indicator = "Wachttijd tot start zorg", Period = period, Value = 30m, ReportedOn = new DateOnly(2026, 7, 1),
            });
        }
        foreach (var year in new[] { 2024, 2025 })
        {
            await Statements.InsertAsync(new FinancialStatement
            {
                ProviderId = provider.Id, Year = year, RevenueCents = 100, ResultCents = 1, EquityCents = 50, TotalAssetsCents = 100,
                CurrentAssetsCents = 40, CurrentLiabilitiesCents = 30, MunicipalRevenueCents = 20, AuditorOpinion = AuditorOpinion.Goedkeurend,
            });
        }

        var measurements = await Measurements.SearchAsync(new OutcomeMeasurementFilter(contract.Id, "Wachttijd tot start zorg", "2026-K2"), new PageRequest(1, 10));
        var statements = await Statements.SearchAsync(new FinancialStatementFilter(provider.Id, 2025), new PageRequest(1, 10));
        var all = await Statements.SearchAsync(new FinancialStatementFilter(provider.Id), new PageRequest(1, 10));

        Assert.Equal("2026-K2", Assert.Single(measurements.Items).Period);
        Assert.Equal(2025, Assert.Single(statements.Items).Year);
        Assert.Equal([2025, 2024], all.Items.Select(s => s.Year));
        Assert.Contains(await Database.InTransactionAsync(tx => Statements.ReadByProvidersAsync([provider.Id], tx)), s => s.ProviderId == provider.Id && s.Year == 2025);
    }

    [EngineFact]
    public async Task A_provider_risk_is_stored_and_replaced()
    {
        var providerId = await Providers.InsertAsync(TestData.Provider());
        var risks = new ProviderRiskRepository(Database, Audit);

        await Database.InTransactionAsync(async tx =>
        {
            var first = new ProviderRisk { ProviderId = providerId, Level = RiskLevel.Verhoogd, StatementYear = 2025, TotalScore = 2, AssessedOn = new DateOnly(2026, 12, 1) };
            await risks.SaveManyAsync([new RiskAssessment(first, null)], tx);
            await risks.SaveManyAsync(
                [new RiskAssessment(new ProviderRisk { ProviderId = providerId, Level = RiskLevel.Hoog, StatementYear = null, TotalScore = 5, AssessedOn = new DateOnly(2026, 12, 2) }, first)], tx);
        });

        Assert.Equal(new ProviderRisk { ProviderId = providerId, Level = RiskLevel.Hoog, StatementYear = null, TotalScore = 5, AssessedOn = new DateOnly(2026, 12, 2) },
            await risks.ReadAsync(providerId));
    }

    [EngineFact]
    public async Task Risks_of_more_providers_than_one_batch_are_stored_and_only_changes_audited()
    {
        // More than the engines' rows per INSERT (64), so full and partial batches both run.
        const int count = 70, changed = 30;
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await Providers.InsertAsync(TestData.Provider()));
        }
        var risks = new ProviderRiskRepository(Database, Audit);
        var (monday, tuesday) = (new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 8));
        var first = ids.Select(id => new ProviderRisk { ProviderId = id, Level = RiskLevel.Laag, StatementYear = 2025, TotalScore = 0, AssessedOn = monday }).ToList();
        // The first 30 rise to Hoog; the others are the same assessment a day later.
        var second = first.Select((risk, i) => i < changed ? risk with { Level = RiskLevel.Hoog, TotalScore = 6, AssessedOn = tuesday } : risk with { AssessedOn = tuesday })
            .ToList();

        await Database.InTransactionAsync(tx => risks.SaveManyAsync([.. first.Select(risk => new RiskAssessment(risk, null))], tx));
        await Database.InTransactionAsync(tx => risks.SaveManyAsync([.. second.Zip(first, (risk, before) => new RiskAssessment(risk, before))], tx));

        var stored = await risks.ReadAllAsync();
        Assert.Equal(second, ids.Select(id => stored[id]));
        var entries = (await Audit.SearchAsync(new AuditFilter(Entity: "provider_risk"), new PageRequest(1, 100_000))).Items
            .Where(e => ids.Contains(long.Parse(e.EntityId, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(count, entries.Count(e => e.Action == AuditAction.Create));
        Assert.Equal(ids.Take(changed).Order(), entries.Where(e => e.Action == AuditAction.Update).Select(e => long.Parse(e.EntityId, System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    private Task<ImportReport> ImportAsync(RegisterImportKind kind, params string[] lines) =>
        Importer.ImportAsync(kind, new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")));
}
