using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;

namespace ContractRegie.Web.Apis.Contracts;

public sealed record ExtensionOptionInput(int? DurationMonths, bool? Exercised);

/// <summary>
/// What a client sends to create or replace a contract. Options are numbered in the order given; without a procurement
/// lead time the route's default applies.
/// </summary>
public sealed record ContractInput(
    string? ContractNumber,
    string? Title,
    long? ProviderId,
    ContractKind? Kind,
    Law? Law,
    ProcurementRoute? ProcurementRoute,
    IReadOnlyList<string>? Municipalities,
    DateOnly? StartDate,
    DateOnly? InitialEndDate,
    IReadOnlyList<ExtensionOptionInput>? ExtensionOptions,
    int? NoticePeriodMonths,
    int? ProcurementLeadTimeMonths,
    string? ContractOwner,
    string? ContractManager,
    string? TactischInkoper,
    ContractStatus? Status)
{
    public Contract ToContract(long id, ValidationErrors errors, ProcurementLeadTimes leadTimes)
    {
        var route = Required.Value(ProcurementRoute, "procurementRoute", errors);
        var start = Required.Value(StartDate, "startDate", errors);
        // A missing end is reported as missing, not also as "before the start".
        var end = Required.Value(InitialEndDate, "initialEndDate", errors);
        var contract = new Contract
        {
            Id = id,
            ContractNumber = ContractNumber?.Trim() ?? "",
            Title = Title?.Trim() ?? "",
            ProviderId = ProviderId ?? 0,
            Kind = Required.Value(Kind, "kind", errors),
            Law = Required.Value(Law, "law", errors),
            ProcurementRoute = route,
            Municipalities = Municipalities?.Select(m => m.Trim()).ToList() ?? [],
            StartDate = start,
            InitialEndDate = InitialEndDate is null ? start : end,
            ExtensionOptions = (ExtensionOptions ?? [])
                .Select((o, i) => new ExtensionOption(i + 1, Required.Value(o.DurationMonths, $"extensionOptions[{i}].durationMonths", errors), o.Exercised ?? false))
                .ToList(),
            NoticePeriodMonths = NoticePeriodMonths ?? 0,
            ProcurementLeadTimeMonths = ProcurementLeadTimeMonths ?? leadTimes.For(route),
            ContractOwner = ContractOwner,
            ContractManager = ContractManager,
            TactischInkoper = TactischInkoper,
            Status = Status ?? ContractStatus.Concept,
        };
        errors.Merge(contract.Validate());
        return contract;
    }
}

/// <summary>
/// A renewal decision as a client sends it. Who recorded it and when are not input: the signed-in user, today.
/// <paramref name="DecidingBody"/> names the body that took it; <paramref name="LateJustification"/> is needed for an
/// extension after the decision deadline.
/// </summary>
public sealed record RenewalDecisionInput(RenewalDecisionKind? Decision, DecidingBody? DecidingBody, string? Reason, string? LateJustification);

public sealed record TariffInput(string? ProductCategory, string? ProductCode, TariffUnit? Unit, long? PriceCents,
    DateOnly? ValidFrom, DateOnly? ValidTo, decimal? IndexationPercent)
{
    public TariffLine ToTariff(long contractId, long id, ValidationErrors errors)
    {
        var tariff = new TariffLine
        {
            Id = id,
            ContractId = contractId,
            ProductCategory = ProductCategory?.Trim() ?? "",
            ProductCode = ProductCode?.Trim() ?? "",
            Unit = Required.Value(Unit, "unit", errors),
            PriceCents = Required.Value(PriceCents, "priceCents", errors),
            ValidFrom = Required.Value(ValidFrom, "validFrom", errors),
            ValidTo = ValidTo,
            IndexationPercent = IndexationPercent ?? 0m,
        };
        errors.Merge(tariff.Validate());
        return tariff;
    }
}

public sealed record BudgetInput(int? Year, string? MunicipalityCode, long? AmountCents)
{
    public BudgetCeiling ToBudget(long contractId, long id, ValidationErrors errors)
    {
        var budget = new BudgetCeiling
        {
            Id = id,
            ContractId = contractId,
            Year = Required.Value(Year, "year", errors),
            MunicipalityCode = MunicipalityCode?.Trim() ?? "",
            AmountCents = Required.Value(AmountCents, "amountCents", errors),
        };
        errors.Merge(budget.Validate());
        return budget;
    }
}

public sealed record OutcomeAgreementInput(string? Indicator, decimal? Norm, NormDirection? Direction, string? Unit,
    ReportingFrequency? Frequency, decimal? Tolerance)
{
    public OutcomeAgreement ToAgreement(long contractId, long id, ValidationErrors errors)
    {
        var agreement = new OutcomeAgreement
        {
            Id = id,
            ContractId = contractId,
            Indicator = Indicator?.Trim() ?? "",
            Norm = Required.Value(Norm, "norm", errors),
            Direction = Required.Value(Direction, "direction", errors),
            Unit = Unit?.Trim() ?? "",
            Frequency = Required.Value(Frequency, "frequency", errors),
            Tolerance = Tolerance ?? 0m,
        };
        errors.Merge(agreement.Validate());
        return agreement;
    }
}
