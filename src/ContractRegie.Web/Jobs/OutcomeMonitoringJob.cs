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
/// The latest measurement of every outcome agreement against its norm, and reports that are overdue; a "report missing"
/// signal whose reports have all come in is resolved.
/// </summary>
public sealed class OutcomeMonitoringJob(
    Database database, ContractRepository contracts, ContractTermsRepository terms, OutcomeMeasurementRepository measurements,
    SignalWriter signals, SignalRepository stored, TimeProvider time, JobsOptions options, ILogger<OutcomeMonitoringJob> logger) : IContractRegieJob
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
        var resolved = 0;
        await database.InTransactionAsync(async tx =>
        {
            var stillMissing = new HashSet<string>(StringComparer.Ordinal);
            var monitored = new HashSet<long>();
            foreach (var contract in register.Where(c => agreements.Contains(c.Id)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var drafts = OutcomeMonitoringRules.Evaluate(contract, [.. agreements[contract.Id]], [.. reported[contract.Id]], today, options.OutcomeGraceMonths, options.OutcomeLookBackMonths);
                tally += await signals.RaiseAllAsync(drafts, tx);
                stillMissing.UnionWith(drafts.Where(d => d.Kind == SignalKind.OutcomeReportMissing).Select(d => d.DedupeKey));
                if (contract.Status is ContractStatus.Actief or ContractStatus.Verlopen)
                {
                    monitored.Add(contract.Id);
                }
            }
            resolved = await stored.ResolveGoneAsync(SignalKind.OutcomeReportMissing, s => monitored.Contains(s.SubjectId), stillMissing,
                "De ontbrekende rapportages zijn ontvangen.", tx);
            return 0;
        }, cancellationToken);
        var checkedAgreements = agreements.Sum(g => g.Count());
        logger.LogInformation("Outcome monitoring on {Today}: {Contracts} contracts, {Agreements} agreements checked, {Raised} signals raised, {Resolved} missing-report signals resolved",
            today, register.Count, checkedAgreements, tally.Raised, resolved);
        return $"{register.Count} contracten, {checkedAgreements} prestatieafspraken gecontroleerd, {tally.Raised} nieuwe signaleringen.";
    }
}
