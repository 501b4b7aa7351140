using ContractRegie.Core.Common;
using ContractRegie.Core.Signals;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Spending;

namespace ContractRegie.Web.Jobs;

/// <summary>
/// Nightly: this year's budget of every contract and municipality against its spending, and the exceptions as
/// lawfulness risks, raised as signals (with e-mail to the contractmanager) through <see cref="SignalWriter"/>. The budgets
/// it computed replace the kept <see cref="BudgetPositions"/>, so a change nothing else recomputed (a new day, a new year)
/// is on the start page the next morning.
/// </summary>
public sealed class SpendingReconciliationJob(
    Database database, SpendingRepository spending, BudgetPositions positions, SignalWriter signals, JobProgress progress,
    TimeProvider time, SpendingOptions options, ILogger<SpendingReconciliationJob> logger) : IContractRegieJob
{
    private static readonly SignalKind[] Kinds = [SignalKind.BudgetNearlyExhausted, SignalKind.BudgetExceeded, SignalKind.UnlawfulSpending];

    public string Name => JobCatalog.SpendingReconciliation;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var (budgets, exceptions, tally) = (0, 0, new SignalTally());
        // One transaction: a run's signals and e-mails are stored together or not at all.
        await database.InTransactionAsync(async tx =>
        {
            var drafts = new List<SignalDraft>();
            // A chunk of providers at a time, so the run's memory does not grow with the register.
            await foreach (var chunk in positions.RecomputeYearByProvidersAsync(today, tx))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var row in chunk.Reconciled.Rows)
                {
                    budgets++;
                    var budget = new ContractBudget(row.ContractId!.Value, row.ContractNumber!, row.ContractManager, row.MunicipalityCode!, row.ToPosition());
                    if (SpendingSignalRules.ForBudget(budget, options.NearlyExhaustedPercent) is { } draft)
                    {
                        drafts.Add(draft);
                    }
                }
                progress.Report(chunk.Providers.Processed, chunk.Providers.Total);
            }
            foreach (var group in await spending.ReadExceptionGroupsAsync(tx))
            {
                exceptions += group.LineCount;
                drafts.Add(SpendingSignalRules.ForExceptions(group));
            }
            cancellationToken.ThrowIfCancellationRequested();
            var run = signals.BeginRun(Kinds);
            tally = await run.RaiseAllAsync(drafts, tx);
            return await run.CompleteAsync(tx);
        }, cancellationToken);
        logger.LogInformation("Spending reconciliation on {Today}: {Budgets} budgets, {Exceptions} exception lines, {Raised} signals raised, {Escalated} escalated",
            today, budgets, exceptions, tally.Raised, tally.Escalated);
        return $"{budgets} budgetten en {exceptions} uitzonderingen bekeken, {tally.Raised} nieuwe signaleringen, {tally.Escalated} verscherpt.";
    }
}
