using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Monitoring;

/// <summary>
/// Which reports had fallen due on a day: per reporting frequency, the periods whose report was due before that day and
/// within the look-back, twelve months by default, so a register taken into use today is not flooded with years of
/// history it never had. The same for every contract on a day, so a run over the register works each
/// frequency out once; not for use by more than one thread at a time.
/// </summary>
public sealed class ReportingCalendar(DateOnly today, int graceMonths, int lookBackMonths = OutcomeMonitoringRules.DefaultLookBackMonths)
{
    private readonly Dictionary<ReportingFrequency, IReadOnlyList<ReportingPeriod>> _due = [];

    public int GraceMonths => graceMonths;

    /// <summary>The periods of <paramref name="frequency"/> whose report fell due in the look-back window, oldest first.</summary>
    public IReadOnlyList<ReportingPeriod> DuePeriods(ReportingFrequency frequency)
    {
        if (!_due.TryGetValue(frequency, out var due))
        {
            var periods = new List<ReportingPeriod>();
            var lookBackFrom = MonthArithmetic.AddMonths(today, -lookBackMonths);
            for (var period = ReportingPeriod.LastOverdue(frequency, today, graceMonths); period.DueOn(graceMonths) > lookBackFrom; period = period.Previous())
            {
                periods.Add(period);
            }
            periods.Reverse();
            _due[frequency] = due = periods;
        }
        return due;
    }
}
