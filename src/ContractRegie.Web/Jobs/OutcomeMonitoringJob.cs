using ContractRegie.Core.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Signals;

namespace ContractRegie.Web.Jobs;

/// <summary>The latest measurement of every outcome agreement against its norm, and reports that are overdue.</summary>
public sealed class OutcomeMonitoringJob(
    Database database, ContractRepository contracts, ContractTermsRepository terms, OutcomeMeasurementRepository measurements,
    SignalWriter signals, TimeProvider time, JobsOptions options, ILogger<OutcomeMonitoringJob> logger) : IContractRegieJob
{
    public string Name => "outcome-monitoring";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var register = await contracts.ReadAllAsync();
        // Three reads for the whole register, not two per contract.
        var agreements = (await terms.ReadAllAgreementsAsync()).ToLookup(a => a.ContractId);
        var reported = (await measurements.ReadAllAsync()).ToLookup(m => m.ContractId);
        var tally = new SignalTally();
        await database.InTransactionAsync(async tx =>
        {
            foreach (var contract in register.Where(c => agreements.Contains(c.Id)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var drafts = OutcomeMonitoringRules.Evaluate(contract, [.. agreements[contract.Id]], [.. reported[contract.Id]], today, options.OutcomeGraceMonths, options.OutcomeLookBackMonths);
                tally += await signals.RaiseAllAsync(drafts, tx);
            }
            return 0;
        }, cancellationToken);
        var checkedAgreements = agreements.Sum(g => g.Count());
        logger.LogInformation("Outcome monitoring on {Today}: {Contracts} contracts, {Agreements} agreements checked, {Raised} signals raised",
            today, register.Count, checkedAgreements, tally.Raised);
        return $"{register.Count} contracten, {checkedAgreements} prestatieafspraken gecontroleerd, {tally.Raised} nieuwe signaleringen.";
    }
}
