using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Providers;

namespace ContractRegie.Core.Tests;

/// <summary>
/// Builders with sensible defaults, so a test only names what matters to it.
/// The default contract runs from 1 Jan 2021 to 31 Dec 2022, notice 3 months, procurement lead time 6 months,
/// for Almelo (0141) and Hof van Twente (1735), without extension options, status Actief.
/// </summary>
internal static class TestData
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static Contract AContract(
        DateOnly? start = null,
        DateOnly? initialEnd = null,
        int noticeMonths = 3,
        int leadTimeMonths = 6,
        IReadOnlyList<ExtensionOption>? options = null,
        ContractStatus status = ContractStatus.Actief,
        RenewalDecisionKind? latestDecision = null,
        IReadOnlyList<string>? municipalities = null,
        long providerId = 42,
        string contractNumber = "WMO-2021-001",
        string title = "Begeleiding individueel") =>
        new()
        {
            Id = 1,
            ContractNumber = contractNumber,
            Title = title,
            ProviderId = providerId,
            Kind = ContractKind.Lokaal,
            Law = Law.Wmo,
            ProcurementRoute = ProcurementRoute.OpenHouse,
            Municipalities = municipalities ?? ["0141", "1735"],
            StartDate = start ?? D(2021, 1, 1),
            InitialEndDate = initialEnd ?? D(2022, 12, 31),
            ExtensionOptions = options ?? [],
            NoticePeriodMonths = noticeMonths,
            ProcurementLeadTimeMonths = leadTimeMonths,
            Status = status,
            LatestDecision = latestDecision,
        };

    /// <summary>Extension options numbered 1, 2, … in the order given: (duration in months, exercised).</summary>
    public static IReadOnlyList<ExtensionOption> Options(params (int Months, bool Exercised)[] options) =>
        options.Select((o, i) => new ExtensionOption(i + 1, o.Months, o.Exercised)).ToList();

    public static Provider AProvider(string? kvk = "12345678", string? agb = "87654321", string name = "Zorg Twente B.V.", string? email = "info@zorgtwente.nl") =>
        new()
        {
            Id = 42,
            Name = name,
            KvkNumber = kvk!,
            AgbCode = agb!,
            City = "Almelo",
            ContactEmail = email,
        };

    /// <summary>Asserts that validation failed on exactly the given fields.</summary>
    public static void AssertErrorsOn(ValidationErrors errors, params string[] fields)
    {
        Assert.False(errors.IsEmpty, "expected validation errors, got none");
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    public static void AssertValid(ValidationErrors errors) =>
        Assert.True(errors.IsEmpty, $"expected no validation errors, got: {errors}");
}
