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
        var (tally, checkedAgreements) = (new SignalTally(), 0);
        await database.InTransactionAsync(async tx =>
        {
            foreach (var contract in register)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var agreements = await terms.ReadAgreementsAsync(contract.Id, tx);
                if (agreements.Count == 0)
                {
                    continue;
                }
                checkedAgreements += agreements.Count;
                var reported = await measurements.ReadByContractAsync(contract.Id, tx);
                tally += await signals.RaiseAllAsync(OutcomeMonitoringRules.Evaluate(contract, agreements, reported, today, options.OutcomeGraceMonths), tx);
            }
            return 0;
        }, cancellationToken);
        logger.LogInformation("Outcome monitoring on {Today}: {Contracts} contracts, {Agreements} agreements checked, {Raised} signals raised",
            today, register.Count, checkedAgreements, tally.Raised);
        return $"{register.Count} contracten, {checkedAgreements} prestatieafspraken gecontroleerd, {tally.Raised} nieuwe signaleringen.";
    }
}
