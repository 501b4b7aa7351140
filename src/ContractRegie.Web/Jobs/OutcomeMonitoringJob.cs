using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// The latest measurement of every outcome agreement against its norm, and reports that are overdue; a signal whose
/// cause is gone (back on norm, every report in) is closed by the run.
/// </summary>
public sealed class OutcomeMonitoringJob(
    Database database, ContractRepository contracts, ContractTermsRepository terms, OutcomeMeasurementRepository measurements,
    SignalWriter signals, JobProgress progress, TimeProvider time, JobsOptions options, ILogger<OutcomeMonitoringJob> logger) : IContractRegieJob
{
    private static readonly SignalKind[] Kinds = [SignalKind.OutcomeBelowNorm, SignalKind.OutcomeReportMissing];

    public string Name => JobCatalog.OutcomeMonitoring;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        // Two reads for all agreements and measurements, not two per contract; the contracts come a chunk at a time.
        var agreements = (await terms.ReadAllAgreementsAsync()).ToLookup(a => a.ContractId);
        var reported = (await measurements.ReadAllAsync()).ToLookup(m => m.ContractId);
        var (tally, resolved, checkedContracts) = (new SignalTally(), 0, 0);
        await database.InTransactionAsync(async tx =>
        {
            var run = signals.BeginRun(Kinds);
            await foreach (var contract in progress.EachContractAsync(contracts, options.ContractsPerChunk, tx, cancellationToken))
            {
                checkedContracts++;
                if (agreements.Contains(contract.Id))
                {
                    var drafts = OutcomeMonitoringRules.Evaluate(contract, [.. agreements[contract.Id]], [.. reported[contract.Id]], today, options.OutcomeGraceMonths, options.OutcomeLookBackMonths);
                    tally += await run.RaiseAllAsync(drafts, tx);
                }
            }
            resolved = (await run.CompleteAsync(tx)).Closed;
            return resolved;
        }, cancellationToken);
        var checkedAgreements = agreements.Sum(g => g.Count());
        logger.LogInformation("Outcome monitoring on {Today}: {Contracts} contracts, {Agreements} agreements checked, {Raised} signals raised, {Resolved} signals closed",
            today, checkedContracts, checkedAgreements, tally.Raised, resolved);
        return $"{checkedContracts} contracten, {checkedAgreements} prestatieafspraken gecontroleerd, {tally.Raised} nieuwe signaleringen.";
    }
}
