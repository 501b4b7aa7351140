using ContractRegie.Data.Contracts;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Tests.Infrastructure;
using Dapper;

namespace ContractRegie.Data.Tests.Demo;

/// <summary>What <see cref="DemoSeeder"/> promises on every engine. Each engine class has a database of its own, empty at the start.</summary>
public abstract class DemoSeederContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [EngineFact]
    public async Task An_empty_register_is_seeded_once_and_left_alone_after()
    {
        var providers = new ProviderRepository(Database, Audit);
        var contracts = new ContractRepository(Database, Audit, ContractDay);
        var seeder = new DemoSeeder(Database, providers, contracts, new ContractTermsRepository(Database, Audit),
            new FinancialStatementRepository(Database, Audit), new OutcomeMeasurementRepository(Database, Audit));

        var first = await seeder.SeedIfEmptyAsync(Today);
        var counts = await CountsAsync();
        var second = await seeder.SeedIfEmptyAsync(Today);

        var register = DemoRegister.Generate(Today);
        Assert.Equal(new DemoSeedResult(true, 250, 300,
            register.Contracts.Sum(c => c.Tariffs.Count), register.Contracts.Sum(c => c.Budgets.Count), register.Contracts.Sum(c => c.Agreements.Count),
            register.Statements.Count, register.Measurements.Count), first);
        Assert.Equal((first.Providers, first.Contracts, first.TariffLines, first.BudgetCeilings, first.OutcomeAgreements, first.FinancialStatements,
            first.OutcomeMeasurements), counts);
        Assert.Equal(DemoSeedResult.AlreadyFilled, second);
        Assert.Equal(counts, await CountsAsync());

        var demo = register.Contracts[0];
        var stored = await contracts.ReadByIdAsync((await contracts.ReadIdByNumberAsync(demo.Contract.ContractNumber))!.Value);
        Assert.Equal(demo.Contract.KeyDates, stored!.KeyDates);
        Assert.Equal(demo.ProviderAgbCode, (await providers.ReadByIdAsync(stored.ProviderId))!.AgbCode);
    }

    private async Task<(int, int, int, int, int, int, int)> CountsAsync()
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM provider"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM contract"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM tariff_line"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM budget_ceiling"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outcome_agreement"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM financial_statement"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outcome_measurement"));
    }
}

public sealed class SqliteDemoSeederTests(SqliteTestDatabase db) : DemoSeederContract<SqliteTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresDemoSeederTests(PostgresTestDatabase db) : DemoSeederContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerDemoSeederTests(SqlServerTestDatabase db) : DemoSeederContract<SqlServerTestDatabase>(db);
