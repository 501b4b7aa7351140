using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// Ratios, red flags and level of every active provider with annual statements (or an earlier assessment); a rise
/// since the last assessment becomes a signal and an e-mail to the provider's contractmanager, a first assessment only
/// when it is Hoog, and a fall closes the signal. The assessed level is stored, so a second run the same day sees no rise.
/// A provider with an active contract whose last statement due is missing gets a "jaarrekening ontbreekt" signal, closed
/// by the first run after the statement is in.
/// </summary>
public sealed class FinancialStabilityJob(
    Database database, ProviderRepository providers, FinancialStatementRepository statements, ProviderRiskRepository risks,
    ContractRepository contracts, SignalWriter signals, JobProgress progress, TimeProvider time, JobsOptions options,
    ILogger<FinancialStabilityJob> logger) : IContractRegieJob
{
    public string Name => JobCatalog.FinancialStability;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var (rises, missing, filed) = (new SignalTally(), new SignalTally(), 0);
        var levels = new Dictionary<RiskLevel, int>();
        await database.InTransactionAsync(async tx =>
        {
            var run = signals.BeginRun([SignalKind.FinancialRisk, SignalKind.FinancialStatementMissing]);
            var contracted = await contracts.ReadProviderIdsWithStatusAsync(ContractStatus.Actief, tx);
            // A chunk of active providers at a time, with their statements and last assessments: memory holds one chunk.
            await foreach (var chunk in progress.EachChunkAsync(providers.ReadActiveInChunksAsync(options.ContractsPerChunk, tx), cancellationToken))
            {
                var ids = chunk.Select(p => p.Id).ToList();
                var byProvider = (await statements.ReadByProvidersAsync(ids, tx)).ToLookup(s => s.ProviderId);
                var previous = await risks.ReadByProvidersAsync(ids, tx);
                var assessed = new List<RiskAssessment>();
                foreach (var provider in chunk.Where(p => byProvider.Contains(p.Id) || previous.ContainsKey(p.Id)))
                {
                    var assessment = FinancialStability.Assess([.. byProvider[provider.Id]], today, options.FinancialNorms);
                    var before = previous.GetValueOrDefault(provider.Id);
                    if (FinancialStability.SignalOnRise(provider, assessment, before?.Level) is { } draft)
                    {
                        rises += await run.RaiseAllAsync([draft], tx);
                    }
                    else if (assessment.Level > RiskLevel.Laag)
                    {
                        // The level held: a signal raised for it stays open; a lower level lets the job close it.
                        run.Sustain(DedupeKeys.FinancialRisk(provider.Id, assessment.Level));
                    }
                    assessed.Add(new RiskAssessment(new ProviderRisk
                    {
                        ProviderId = provider.Id, Level = assessment.Level, StatementYear = assessment.Year, TotalScore = assessment.TotalScore, AssessedOn = today,
                    }, before));
                    levels[assessment.Level] = levels.GetValueOrDefault(assessment.Level) + 1;
                }
                await risks.SaveManyAsync(assessed, tx);
                foreach (var provider in chunk.Where(p => contracted.Contains(p.Id)))
                {
                    if (FinancialStability.MissingStatement(provider, byProvider[provider.Id], today, options.FinancialNorms) is { } draft)
                    {
                        missing += await run.RaiseAllAsync([draft], tx);
                    }
                }
            }
            filed = (await run.CompleteAsync(tx)).Closed;
        }, cancellationToken);
        logger.LogInformation("Financial stability on {Today}: {Providers} providers assessed ({Levels}), {Raised} rises signalled, {Missing} missing statements signalled, {Closed} signals closed",
            today, levels.Values.Sum(), string.Join(", ", levels.Select(l => $"{l.Key} {l.Value}")), rises.Raised, missing.Raised, filed);
        return $"{levels.Values.Sum()} zorgaanbieders beoordeeld (Laag {levels.GetValueOrDefault(RiskLevel.Laag)}, "
               + $"Verhoogd {levels.GetValueOrDefault(RiskLevel.Verhoogd)}, Hoog {levels.GetValueOrDefault(RiskLevel.Hoog)}), {rises.Raised} stijgingen gesignaleerd, "
               + $"{missing.Raised} ontbrekende jaarrekeningen gesignaleerd.";
    }
}
