using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;

namespace ContractRegie.Data.Demo;

/// <summary>What <see cref="DemoSeeder.SeedIfEmptyAsync"/> wrote; all zero when the register already had providers.</summary>
public sealed record DemoSeedResult(
    bool Seeded, int Providers, int Contracts, int TariffLines, int BudgetCeilings, int OutcomeAgreements, int FinancialStatements, int OutcomeMeasurements)
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
    OutcomeMeasurementRepository measurements)
{
    /// <summary>
    /// Writes the demo register in one transaction, only when there are no providers yet, so running it
    /// again (or on a register with real data) does nothing. The host seeds under the schema lock, so of two instances
    /// starting together the second finds the register filled.
    /// </summary>
    public async Task<DemoSeedResult> SeedIfEmptyAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var existing = await providers.SearchAsync(new ProviderFilter(), new PageRequest(1, 1));
        if (existing.TotalCount > 0)
        {
            return DemoSeedResult.AlreadyFilled;
        }
        var register = DemoRegister.Generate(today);
        return await database.InTransactionAsync(async transaction =>
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
    }
}
