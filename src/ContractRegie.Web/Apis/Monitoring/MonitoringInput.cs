using ContractRegie.Core.Common;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Providers;

namespace ContractRegie.Web.Apis.Monitoring;

public sealed record OutcomeMeasurementInput(long? ContractId, string? Indicator, string? Period, decimal? Value, DateOnly? ReportedOn, string? Source)
{
    public OutcomeMeasurement ToMeasurement(ValidationErrors errors) => new()
    {
        ContractId = Required.Value(ContractId, "contractId", errors),
        Indicator = Indicator?.Trim() ?? "",
        // Stored as the canonical label, so "2026-k1" and "2026-K1" are one period.
        Period = ReportingPeriod.Normalize(Period ?? ""),
        Value = Required.Value(Value, "value", errors),
        ReportedOn = Required.Value(ReportedOn, "reportedOn", errors),
        Source = string.IsNullOrWhiteSpace(Source) ? null : Source.Trim(),
    };
}

public sealed record FinancialStatementInput(
    long? ProviderId, int? Year, long? RevenueCents, long? ResultCents, long? EquityCents, long? TotalAssetsCents, long? CurrentAssetsCents,
    long? CurrentLiabilitiesCents, long? MunicipalRevenueCents, AuditorOpinion? AuditorOpinion, bool? GoingConcernNote, DateOnly? FiledOn)
{
    public FinancialStatement ToStatement(ValidationErrors errors) => new()
    {
        ProviderId = Required.Value(ProviderId, "providerId", errors),
        Year = Required.Value(Year, "year", errors),
        RevenueCents = Required.Value(RevenueCents, "revenueCents", errors),
        ResultCents = Required.Value(ResultCents, "resultCents", errors),
        EquityCents = Required.Value(EquityCents, "equityCents", errors),
        TotalAssetsCents = Required.Value(TotalAssetsCents, "totalAssetsCents", errors),
        CurrentAssetsCents = Required.Value(CurrentAssetsCents, "currentAssetsCents", errors),
        CurrentLiabilitiesCents = Required.Value(CurrentLiabilitiesCents, "currentLiabilitiesCents", errors),
        MunicipalRevenueCents = Required.Value(MunicipalRevenueCents, "municipalRevenueCents", errors),
        AuditorOpinion = Required.Value(AuditorOpinion, "auditorOpinion", errors),
        GoingConcernNote = GoingConcernNote ?? false,
        FiledOn = FiledOn,
    };
}
