using ContractRegie.Core.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// Ratios, red flags and level of every active provider with annual statements (or an earlier assessment); a rise
/// since the last assessment becomes a signal and an e-mail to the provider's contractmanager, a first assessment only
/// when it is Hoog, and a fall closes the signal. The assessed level is stored, so a second run the same day sees no rise.
/// </summary>
public sealed class FinancialStabilityJob(
    Database database, ProviderRepository providers, FinancialStatementRepository statements, ProviderRiskRepository risks,
    SignalWriter signals, TimeProvider time, JobsOptions options, ILogger<FinancialStabilityJob> logger) : IContractRegieJob
{
    public string Name => "financial-stability";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var byProvider = (await statements.ReadAllAsync()).ToLookup(s => s.ProviderId);
        var tally = new SignalTally();
        var levels = new Dictionary<RiskLevel, int>();
        await database.InTransactionAsync(async tx =>
        {
            var run = signals.BeginRun([SignalKind.FinancialRisk]);
            var previous = await risks.ReadAllAsync(tx);
            foreach (var provider in (await providers.ReadActiveAsync()).Where(p => byProvider.Contains(p.Id) || previous.ContainsKey(p.Id)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var assessment = FinancialStability.Assess([.. byProvider[provider.Id]], today, options.FinancialNorms);
                var before = previous.GetValueOrDefault(provider.Id);
                if (FinancialStability.SignalOnRise(provider, assessment, before?.Level) is { } draft)
                {
                    tally += await run.RaiseAllAsync([draft], tx);
                }
                else if (assessment.Level > RiskLevel.Laag)
                {
                    // The level held: a signal raised for it stays open; a lower level lets the job close it.
                    run.Sustain(FinancialStability.RiskSignalKey(provider.Id, assessment.Level));
                }
                await risks.SaveAsync(new ProviderRisk
                {
                    ProviderId = provider.Id, Level = assessment.Level, StatementYear = assessment.Year, TotalScore = assessment.TotalScore, AssessedOn = today,
                }, before, tx);
                levels[assessment.Level] = levels.GetValueOrDefault(assessment.Level) + 1;
            }
            return await run.CompleteAsync(tx);
        }, cancellationToken);
        logger.LogInformation("Financial stability on {Today}: {Providers} providers assessed ({Levels}), {Raised} rises signalled",
            today, levels.Values.Sum(), string.Join(", ", levels.Select(l => $"{l.Key} {l.Value}")), tally.Raised);
        return $"{levels.Values.Sum()} zorgaanbieders beoordeeld (Laag {levels.GetValueOrDefault(RiskLevel.Laag)}, "
               + $"Verhoogd {levels.GetValueOrDefault(RiskLevel.Verhoogd)}, Hoog {levels.GetValueOrDefault(RiskLevel.Hoog)}), {tally.Raised} stijgingen gesignaleerd.";
    }
}
