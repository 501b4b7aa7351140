using ContractRegie.Core.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Jobs;

/// <summary>Key dates against the horizons, and contracts past their end without a decision turn Verlopen.</summary>
public sealed class ContractExpiryJob(
    Database database, ContractRepository contracts, SignalWriter signals, TimeProvider time, JobsOptions options, ILogger<ContractExpiryJob> logger)
    : IContractRegieJob
{
    private static readonly SignalKind[] Kinds =
        [SignalKind.ContractExpiring, SignalKind.DecisionDue, SignalKind.ProcurementMustStart, SignalKind.ContractExpiredWithoutDecision];

    public string Name => "contract-expiry";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var register = await contracts.ReadAllAsync();
        var (tally, expired) = (new SignalTally(), 0);
        // One transaction: the status changes, signals and their e-mails of a run are stored together or not at all.
        await database.InTransactionAsync(async tx =>
        {
            var run = signals.BeginRun(Kinds);
            foreach (var contract in register)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = ContractExpiryRules.Evaluate(contract, today, options.Horizons);
                if (outcome.NewStatus is { } status)
                {
                    await contracts.UpdateStatusAsync(contract, status, tx);
                    expired++;
                }
                tally += await run.RaiseAllAsync(outcome.Signals, tx);
            }
            return await run.CompleteAsync(tx);
        }, cancellationToken);
        logger.LogInformation("Contract expiry on {Today}: {Contracts} contracts checked, {Raised} signals raised, {Escalated} escalated, {Expired} turned Verlopen",
            today, register.Count, tally.Raised, tally.Escalated, expired);
        return $"{register.Count} contracten gecontroleerd, {tally.Raised} nieuwe signaleringen, {tally.Escalated} verscherpt, {expired} verlopen.";
    }
}
