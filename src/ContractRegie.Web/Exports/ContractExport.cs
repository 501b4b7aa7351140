using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data.Export;
using ContractRegie.Web.Pages.Labels;

namespace ContractRegie.Web.Exports;

/// <summary>Contracts with their key dates (computed in Core, as the pages show them): the register and the planner.</summary>
public static class ContractExport
{
    private static readonly ExportColumn[] Columns =
    [
        new("contractnummer"), new("omschrijving"), new("zorgaanbieder"), new("soort"), new("wet"), new("aanbestedingsroute"), new("gemeenten"),
        new("startdatum", ExportKind.Date), new("oorspronkelijke_einddatum", ExportKind.Date), new("huidig_einde", ExportKind.Date),
        new("uiterlijk_einde", ExportKind.Date), new("resterende_opties", ExportKind.Number), new("uiterste_besluitdatum", ExportKind.Date),
        new("start_aanbesteding", ExportKind.Date), new("status"), new("contractmanager"), new("tactisch_inkoper"),
    ];

    public static ExportTable Of(string name, IEnumerable<Contract> contracts) =>
        new(name, Columns, contracts.Select(contract =>
        {
            var keyDates = contract.KeyDates;
            return new object?[]
            {
                contract.ContractNumber, contract.Title, contract.ProviderName, DutchLabels.Of(contract.Kind), DutchLabels.Of(contract.Law),
                DutchLabels.Of(contract.ProcurementRoute), Municipalities.List(contract.Municipalities), contract.StartDate, contract.InitialEndDate,
                keyDates.CurrentEnd, keyDates.MaximumEnd, keyDates.RemainingOptions, keyDates.DecisionDeadline, keyDates.ProcurementStartDeadline,
                DutchLabels.Of(contract.Status), contract.ContractManager, contract.TactischInkoper,
            };
        }).ToAsyncEnumerable());
}
