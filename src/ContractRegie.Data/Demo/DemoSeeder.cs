using ContractRegie.Data.Contracts;
using ContractRegie.Data.Import;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;

namespace ContractRegie.Data.Demo;

/// <summary>
/// What <see cref="DemoSeeder.SeedIfEmptyAsync"/> wrote; all zero when the register already had providers.
/// <see cref="SpendingProblem"/> says why the register came without spending (the imports refused it, e.g. for want of a key).
/// </summary>
public sealed record DemoSeedResult(
    bool Seeded, int Providers, int Contracts, int TariffLines, int BudgetCeilings, int OutcomeAgreements, int FinancialStatements, int OutcomeMeasurements,
    int Allocations = 0, int SpendingLines = 0, int SpendingExceptions = 0, string? SpendingProblem = null)
{
    public static readonly DemoSeedResult AlreadyFilled = new(false, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>Fills an empty register with <see cref="DemoRegister"/>, for the embedded default and demonstrations.</summary>
public sealed class DemoSeeder(
    Database database,
    ProviderRepository providers,
    ContractRepository contracts,
    ContractTermsRepository terms,
    FinancialStatementRepository statements,
    OutcomeMeasurementRepository measurements,
    AllocationImporter allocationImporter,
    SpendingImporter spendingImporter)
{
    /// <summary>
    /// Writes the demo register in one transaction, only when there are no providers yet, so running it
    /// again (or on a register with real data) does nothing. The host seeds under the schema lock, so of two instances
    /// starting together the second finds the register filled. Then <see cref="DemoSpending"/> goes through the real
    /// allocation and spending imports (each all or nothing), so BSNs become pseudonyms and the lines get their exceptions
    /// as any file would.
    /// </summary>
    public async Task<DemoSeedResult> SeedIfEmptyAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var existing = await providers.SearchAsync(new ProviderFilter(), new PageRequest(1, 1));
        if (existing.TotalCount > 0)
        {
            return DemoSeedResult.AlreadyFilled;
        }
        var register = DemoRegister.Generate(today);
        var seeded = await database.InTransactionAsync(async transaction =>
        {
            var providerIds = new Dictionary<string, long>(StringComparer.Ordinal);
            var contractIds = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var provider in register.Providers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                providerIds[provider.AgbCode] = await providers.InsertAsync(provider, transaction);
            }
            foreach (var demo in register.Contracts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var contractId = await contracts.InsertAsync(demo.Contract with { ProviderId = providerIds[demo.ProviderAgbCode] }, transaction);
                contractIds[demo.Contract.ContractNumber] = contractId;
                foreach (var tariff in demo.Tariffs)
                {
                    await terms.InsertTariffAsync(tariff with { ContractId = contractId }, transaction);
                }
                foreach (var budget in demo.Budgets)
                {
                    await terms.InsertBudgetAsync(budget with { ContractId = contractId }, transaction);
                }
                foreach (var agreement in demo.Agreements)
                {
                    await terms.InsertAgreementAsync(agreement with { ContractId = contractId }, transaction);
                }
            }
            foreach (var demo in register.Statements)
            {
                await statements.InsertAsync(demo.Statement with { ProviderId = providerIds[demo.ProviderAgbCode] }, transaction);
            }
            foreach (var demo in register.Measurements)
            {
                await measurements.InsertAsync(demo.Measurement with { ContractId = contractIds[demo.ContractNumber] }, transaction);
            }
            return new DemoSeedResult(true,
                register.Providers.Count,
                register.Contracts.Count,
                register.Contracts.Sum(c => c.Tariffs.Count),
                register.Contracts.Sum(c => c.Budgets.Count),
                register.Contracts.Sum(c => c.Agreements.Count),
                register.Statements.Count,
                register.Measurements.Count);
        }, cancellationToken);
        return await ImportSpendingAsync(seeded, DemoSpending.Generate(register, today), cancellationToken);
    }

    private async Task<DemoSeedResult> ImportSpendingAsync(DemoSeedResult seeded, DemoSpending spending, CancellationToken cancellationToken)
    {
        using var allocationFile = new MemoryStream(await spending.AllocationCsvAsync());
        var allocations = await allocationImporter.ImportAsync(allocationFile, DemoSpending.AllocationFileName, cancellationToken);
        if (allocations.Outcome != SpendingImportOutcome.Imported)
        {
            return seeded with { SpendingProblem = Problem(allocations.Message, allocations.Errors) };
        }
        using var spendingFile = new MemoryStream(await spending.SpendingCsvAsync());
        var lines = await spendingImporter.ImportAsync(spendingFile, DemoSpending.SpendingFileName, cancellationToken);
        return lines.Outcome == SpendingImportOutcome.Imported
            ? seeded with { Allocations = allocations.Inserted, SpendingLines = lines.LinesImported, SpendingExceptions = lines.ExceptionCount }
            : seeded with { Allocations = allocations.Inserted, SpendingProblem = Problem(lines.Message, lines.Errors) };
    }

    /// <summary>The first error says why (a missing key, or what a demo line got wrong); the message only counts them.</summary>
    private static string Problem(string message, IReadOnlyList<ImportError> errors) =>
        errors.Count == 0 ? message : $"line {errors[0].Line}: {errors[0].Message}";
}
