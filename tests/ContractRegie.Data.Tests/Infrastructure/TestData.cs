using ContractRegie.Core.Contracts;
using ContractRegie.Core.Providers;

namespace ContractRegie.Data.Tests.Infrastructure;

/// <summary>Valid rows with unique keys; tests override what they look at with <c>with</c>.</summary>
public static class TestData
{
    public static Provider Provider(string? name = null) => new()
    {
        Name = name ?? "Zorgaanbieder " + Unique.Token(),
        KvkNumber = Unique.EightDigits(),
        AgbCode = Unique.EightDigits(),
    };

    public static Contract Contract(long providerId) => new()
    {
        ContractNumber = "C-" + Unique.Token(),
        Title = "Contract " + Unique.Token(),
        ProviderId = providerId,
        Kind = ContractKind.Lokaal,
        Law = Law.Wmo,
        ProcurementRoute = ProcurementRoute.OpenHouse,
        Municipalities = ["0141"],
        StartDate = new DateOnly(2024, 1, 1),
        InitialEndDate = new DateOnly(2026, 12, 31),
        NoticePeriodMonths = 6,
        ProcurementLeadTimeMonths = 6,
        Status = ContractStatus.Actief,
    };
}
