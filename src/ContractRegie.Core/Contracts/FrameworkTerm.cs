using ContractRegie.Core.Common;

namespace ContractRegie.Core.Contracts;

/// <summary>
/// A framework agreement procured by a European procedure runs at most four years including its options
/// (Aanbestedingswet 2012, art. 2.140); social and other specific services, bestuurlijk aanbesteden, open house and
/// national routes are not bound to it. A longer term is a warning, not an error: a motivated exception is possible.
/// </summary>
public static class FrameworkTerm
{
    public const int MaximumMonths = 48;

    public static bool IsLimited(ProcurementRoute route) => route == ProcurementRoute.OpenbareProcedure;

    /// <summary>The warning in Dutch when the contract runs past four years including options on a limited route; null otherwise.</summary>
    public static string? Warning(Contract contract)
    {
        var lastAllowedDay = MonthArithmetic.AddMonths(contract.StartDate, MaximumMonths).AddDays(-1);
        var maximumEnd = contract.KeyDates.MaximumEnd;
        return IsLimited(contract.ProcurementRoute) && maximumEnd > lastAllowedDay
            ? $"Een raamovereenkomst via een Europese openbare procedure loopt inclusief opties hoogstens 4 jaar (tot {DutchFormat.Date(lastAllowedDay)}); "
              + $"dit contract loopt tot {DutchFormat.Date(maximumEnd)}."
            : null;
    }
}
