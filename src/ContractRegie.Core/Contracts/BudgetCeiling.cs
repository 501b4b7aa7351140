using ContractRegie.Core.Common;

namespace ContractRegie.Core.Contracts;

/// <summary>The most that may be spent on a contract in one year for one municipality.</summary>
public sealed record BudgetCeiling : IVersioned
{
    public long Id { get; init; }
    public long RowVersion { get; init; }
    public long ContractId { get; init; }
    public required int Year { get; init; }
    public required string MunicipalityCode { get; init; }
    public required long AmountCents { get; init; }
}
