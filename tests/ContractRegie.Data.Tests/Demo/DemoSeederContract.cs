using ContractRegie.Core.Spending;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Import;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Spending;
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
        var contracts = new ContractRepository(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay));
        var seeder = Seeder(providers, contracts, TestPseudonymKey.Key);

        var first = await seeder.SeedIfEmptyAsync(Today);
        var counts = await CountsAsync();
        var second = await seeder.SeedIfEmptyAsync(Today);

        var register = DemoRegister.Generate(Today);
        var spending = DemoSpending.Generate(register, Today);
        var exceptions = spending.Lines.Count(l => l.Exception is not null);
        Assert.Equal(new DemoSeedResult(true, 250, 300,
            register.Contracts.Sum(c => c.Tariffs.Count), register.Contracts.Sum(c => c.Budgets.Count), register.Contracts.Sum(c => c.Agreements.Count),
            register.Statements.Count, register.Measurements.Count, spending.Allocations.Count, spending.Lines.Count, exceptions), first);
        Assert.Equal((first.Providers, first.Contracts, first.TariffLines, first.BudgetCeilings, first.OutcomeAgreements, first.FinancialStatements,
            first.OutcomeMeasurements, first.Allocations, first.SpendingLines), counts);
        Assert.Equal(DemoSeedResult.AlreadyFilled, second);
        Assert.Equal(counts, await CountsAsync());

        var demo = register.Contracts[0];
        var stored = await contracts.ReadByIdAsync((await contracts.ReadIdByNumberAsync(demo.Contract.ContractNumber))!.Value);
        Assert.Equal(demo.Contract.KeyDates, stored!.KeyDates);
        Assert.Equal(demo.ProviderAgbCode, (await providers.ReadByIdAsync(stored.ProviderId))!.AgbCode);

        // The demo spending went through the real imports: each line has the exception it was made with, on its contract.
        await using var connection = await Database.OpenAsync();
        var perKind = (await connection.QueryAsync<(string? Kind, int Lines)>(
                "SELECT exception_kind, COUNT(*) FROM spending_line GROUP BY exception_kind"))
            .ToDictionary(g => g.Kind ?? "none", g => g.Lines);
        var declared = spending.Lines.GroupBy(l => l.Exception?.ToString() ?? "none").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(declared.OrderBy(d => d.Key), perKind.OrderBy(s => s.Key));
        // Every kind occurs; the lines are matched to the contracts they were made for.
        Assert.Equal(Enum.GetNames<SpendingExceptionKind>().Order(), perKind.Keys.Where(k => k != "none").Order());
        var matched = (await connection.QueryAsync<(string Reference, string? ContractNumber)>(
            "SELECT l.product_reference, c.contract_number FROM spending_line l LEFT JOIN contract c ON c.id = l.contract_id")).ToDictionary(r => r.Reference);
        Assert.All(spending.Lines, l => Assert.Equal(l.ContractNumber, matched[l.Line.ProductReference!].ContractNumber));
        // Only pseudonyms: no BSN of the demo in any client column.
        var bsns = spending.Lines.Select(l => l.Bsn).ToHashSet();
        Assert.DoesNotContain(await connection.QueryAsync<string>("SELECT client_pseudonym FROM spending_line UNION SELECT client_pseudonym FROM allocation"), bsns.Contains);
    }

    private DemoSeeder Seeder(ProviderRepository providers, ContractRepository contracts, string? key) =>
        DemoSeeders.Create(Database, Audit, providers, contracts, key, Today);

    private async Task<(int, int, int, int, int, int, int, int, int)> CountsAsync()
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM provider"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM contract"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM tariff_line"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM budget_ceiling"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outcome_agreement"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM financial_statement"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outcome_measurement"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM allocation"),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM spending_line"));
    }
}

/// <summary>Without the pseudonym key the imports refuse the demo spending; the register is still seeded, and the result says why.</summary>
public abstract class DemoSeederWithoutKeyContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [EngineFact]
    public async Task Without_a_pseudonym_key_the_register_is_seeded_without_spending_and_says_why()
    {
        var result = await DemoSeeders.Create(Database, Audit, new ProviderRepository(Database, Audit), new ContractRepository(Database, Audit, ContractDay, TestBudgetPositions.On(Database, ContractDay)), key: null, Today).SeedIfEmptyAsync(Today);

        Assert.True(result.Seeded);
        Assert.Equal((0, 0), (result.Allocations, result.SpendingLines));
        Assert.Contains("Spending:PseudonymKey", result.SpendingProblem);
        await using var connection = await Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM spending_line"));
    }
}

/// <summary>A <see cref="DemoSeeder"/> over the test database with the real importers.</summary>
internal static class DemoSeeders
{
    public static DemoSeeder Create(Database database, AuditTrail audit, ProviderRepository providers, ContractRepository contracts, string? key, DateOnly today)
    {
        var options = new SpendingOptions { PseudonymKey = key };
        var clock = new FixedClock(new DateTimeOffset(today, new TimeOnly(6, 0), TimeSpan.Zero));
        return new DemoSeeder(database, providers, contracts, new ContractTermsRepository(database, audit, TestBudgetPositions.On(database, clock)),
            new FinancialStatementRepository(database, audit), new OutcomeMeasurementRepository(database, audit),
            new AllocationImporter(database, new AllocationRepository(database), audit, new FixedActor("systeem"), options, clock),
            new SpendingImporter(database, new SpendingRepository(database, contracts), TestBudgetPositions.On(database, clock), audit, new FixedActor("systeem"), options, clock));
    }
}

public sealed class SqliteDemoSeederTests(SqliteTestDatabase db) : DemoSeederContract<SqliteTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresDemoSeederTests(PostgresTestDatabase db) : DemoSeederContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerDemoSeederTests(SqlServerTestDatabase db) : DemoSeederContract<SqlServerTestDatabase>(db);

public sealed class SqliteDemoSeederWithoutKeyTests(SqliteTestDatabase db) : DemoSeederWithoutKeyContract<SqliteTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.PostgresVariable, "PostgreSQL")]
public sealed class PostgresDemoSeederWithoutKeyTests(PostgresTestDatabase db) : DemoSeederWithoutKeyContract<PostgresTestDatabase>(db);

[RequiresEnvironmentVariable(TestEngines.SqlServerVariable, "SQL Server")]
public sealed class SqlServerDemoSeederWithoutKeyTests(SqlServerTestDatabase db) : DemoSeederWithoutKeyContract<SqlServerTestDatabase>(db);
