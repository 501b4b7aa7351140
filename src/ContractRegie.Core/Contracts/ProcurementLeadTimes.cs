namespace ContractRegie.Core.Contracts;

/// <summary>
/// How long a new procurement takes per route, in months (the "ProcurementLeadTimes" settings): the lead time of a
/// contract that names none. A contract's own lead time overrides it.
/// </summary>
public sealed class ProcurementLeadTimes
{
    public const string Section = "ProcurementLeadTimes";

    /// <summary>Settable per route so configuration can bind it; a route left out has no lead time.</summary>
    public Dictionary<ProcurementRoute, int> Months { get; set; } = new()
    {
        // A European open procedure with its publication and standstill periods takes about a year.
        [ProcurementRoute.OpenbareProcedure] = 12,
        [ProcurementRoute.SocialeEnAndereSpecifiekeDiensten] = 9,
        [ProcurementRoute.BestuurlijkAanbesteden] = 9,
        [ProcurementRoute.OpenHouse] = 6,
        [ProcurementRoute.EnkelvoudigOnderhands] = 3,
        [ProcurementRoute.NationaleProcedure] = 9,
        [ProcurementRoute.MeervoudigOnderhands] = 4,
    };

    public int For(ProcurementRoute route) => Months.GetValueOrDefault(route);
}
