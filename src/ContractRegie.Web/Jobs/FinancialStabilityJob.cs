using ContractRegie.Core.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Data;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// Ratios, red flags and level of every provider with annual statements; a rise since the last assessment becomes a
/// signal and an e-mail to the provider's contractmanager. The assessed level is stored, so a second run the same day
/// sees no rise.
/// </summary>
public sealed class FinancialStabilityJob(
    Database database, ProviderRepository providers, FinancialStatementRepository statements, ProviderRiskRepository risks,
    SignalWriter signals, TimeProvider time, JobsOptions options, ILogger<FinancialStabilityJob> logger) : IContractRegieJob
{
    public string Name => "financial-stability";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var providerIds = await statements.ReadAssessedProviderIdsAsync();
        var tally = new SignalTally();
        var levels = new Dictionary<RiskLevel, int>();
        await database.InTransactionAsync(async tx =>
        {
            foreach (var providerId in providerIds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await providers.ReadByIdAsync(providerId, tx) is not { Active: true } provider)
                {
                    continue;
                }
                var assessment = FinancialStability.Assess(await statements.ReadByProviderAsync(providerId, tx), today, options.FinancialNorms);
                var previous = await risks.ReadAsync(providerId, tx);
                if (FinancialStability.SignalOnRise(provider, assessment, previous?.Level, today) is { } draft)
                {
                    tally += await signals.RaiseAllAsync([draft], tx);
                }
                await risks.SaveAsync(new ProviderRisk
                {
                    ProviderId = providerId, Level = assessment.Level, StatementYear = assessment.Year, TotalScore = assessment.TotalScore, AssessedOn = today,
                }, tx);
                levels[assessment.Level] = levels.GetValueOrDefault(assessment.Level) + 1;
            }
            return 0;
        }, cancellationToken);
        logger.LogInformation("Financial stability on {Today}: {Providers} providers assessed ({Levels}), {Raised} rises signalled",
            today, levels.Values.Sum(), string.Join(", ", levels.Select(l => $"{l.Key} {l.Value}")), tally.Raised);
        return $"{levels.Values.Sum()} zorgaanbieders beoordeeld (Laag {levels.GetValueOrDefault(RiskLevel.Laag)}, "
               + $"Verhoogd {levels.GetValueOrDefault(RiskLevel.Verhoogd)}, Hoog {levels.GetValueOrDefault(RiskLevel.Hoog)}), {tally.Raised} stijgingen gesignaleerd.";
    }
}
