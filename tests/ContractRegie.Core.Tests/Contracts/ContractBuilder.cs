using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Tests.Contracts;

/// <summary>A valid contract with defaults the tests then vary: 1 Jan 2024 – 31 Dec 2026, notice 6 months, lead time 12.</summary>
public static class ContractBuilder
{
    public static Contract AContract(
        string start = "2024-01-01",
        string end = "2026-12-31",
        int[]? options = null,
        int exercised = 0,
        int notice = 6,
        int leadTime = 12,
        RenewalDecisionKind? decision = null,
        ContractStatus status = ContractStatus.Actief) =>
        new()
        {
            ContractNumber = "ALM-2024-001",
            Title = "Ambulante jeugdhulp",
            ProviderId = 1,
            Kind = ContractKind.Lokaal,
            Law = Law.Jeugdwet,
            ProcurementRoute = ProcurementRoute.OpenHouse,
            Municipalities = ["0141", "1735"],
            StartDate = DateOnly.Parse(start),
            InitialEndDate = DateOnly.Parse(end),
            ExtensionOptions = (options ?? []).Select((months, i) => new ExtensionOption(i + 1, months, i < exercised)).ToList(),
            NoticePeriodMonths = notice,
            ProcurementLeadTimeMonths = leadTime,
            LatestDecision = decision,
            Status = status,
        };

    public static DateOnly D(string date) => DateOnly.Parse(date);
}
