using ContractRegie.Core.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Jobs;

/// <summary>Key dates against the horizons, and contracts past their end without a decision. It signals; the status is computed on read.</summary>
public sealed class ContractExpiryJob(
    Database database, ContractRepository contracts, SignalWriter signals, JobProgress progress, TimeProvider time, JobsOptions options,
    ILogger<ContractExpiryJob> logger)
    : IContractRegieJob
{
    private static readonly SignalKind[] Kinds =
        [SignalKind.DecisionDue, SignalKind.ProcurementMustStart, SignalKind.ContractExpiredWithoutDecision];

    public string Name => JobCatalog.ContractExpiry;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var (tally, checkedContracts) = (new SignalTally(), 0);
        // One transaction: the signals and their e-mails of a run are stored together or not at all.
        await database.InTransactionAsync(async tx =>
        {
            var run = signals.BeginRun(Kinds);
            await foreach (var contract in progress.EachAsync(contracts.ReadInChunksAsync(options.ContractsPerChunk, tx), cancellationToken))
            {
                tally += await run.RaiseAllAsync(ContractExpiryRules.Evaluate(contract, today, options.Horizons), tx);
                checkedContracts++;
            }
            return await run.CompleteAsync(tx);
        }, cancellationToken);
        logger.LogInformation("Contract expiry on {Today}: {Contracts} contracts checked, {Raised} signals raised, {Escalated} escalated",
            today, checkedContracts, tally.Raised, tally.Escalated);
        return $"{checkedContracts} contracten gecontroleerd, {tally.Raised} nieuwe signaleringen, {tally.Escalated} verscherpt.";
    }
}
