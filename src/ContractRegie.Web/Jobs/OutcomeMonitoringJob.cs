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
        var calendar = new ReportingCalendar(today, options.OutcomeGraceMonths, options.OutcomeLookBackMonths);
        var (tally, resolved, checkedContracts, checkedAgreements) = (new SignalTally(), 0, 0, 0);
        await database.InTransactionAsync(async tx =>
        {
            var run = signals.BeginRun(Kinds);
            // The agreements and measurements of a chunk of contracts in two reads: memory holds one chunk, not the register.
            // A chunk is every contract in its id range, so the range is what is read.
            await foreach (var chunk in progress.EachChunkAsync(contracts.ReadInChunksAsync(options.ContractsPerChunk, tx), cancellationToken))
            {
                var (first, last) = (chunk[0].Id, chunk[^1].Id);
                var agreements = (await terms.ReadAgreementsInIdRangeAsync(first, last, tx)).ToLookup(a => a.ContractId);
                var reported = (await measurements.ReadInIdRangeAsync(first, last, tx)).ToLookup(m => m.ContractId);
                foreach (var contract in chunk.Where(c => agreements.Contains(c.Id)))
                {
                    var drafts = OutcomeMonitoringRules.Evaluate(contract, [.. agreements[contract.Id]], [.. reported[contract.Id]], calendar);
                    tally += await run.RaiseAllAsync(drafts, tx);
                }
                checkedContracts += chunk.Count;
                checkedAgreements += agreements.Sum(g => g.Count());
            }
            resolved = (await run.CompleteAsync(tx)).Closed;
        }, cancellationToken);
        logger.LogInformation("Outcome monitoring on {Today}: {Contracts} contracts, {Agreements} agreements checked, {Raised} signals raised, {Resolved} signals closed",
            today, checkedContracts, checkedAgreements, tally.Raised, resolved);
        return $"{checkedContracts} contracten, {checkedAgreements} prestatieafspraken gecontroleerd, {tally.Raised} nieuwe signaleringen.";
    }
}
