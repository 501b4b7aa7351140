using ContractRegie.Core.Spending;

namespace ContractRegie.Data.Spending;

/// <summary>Where spending lines come from: the financial administration's CSV export or an iWmo/iJw declaration.</summary>
public enum SpendingSource { Csv, Wmo323, Jw323 }

/// <summary>A stored import: the file's hash, what it held, who imported it when.</summary>
public sealed record SpendingImport
{
    public long Id { get; init; }
    public string FileHash { get; init; } = "";
    public SpendingSource Source { get; init; }
    public string? FileName { get; init; }
    public int LinesRead { get; init; }
    public int LinesImported { get; init; }
    public int ExceptionCount { get; init; }
    public long TotalCents { get; init; }
    public string ImportedBy { get; init; } = "";
    public DateTimeOffset ImportedAt { get; init; }
}

public sealed record SpendingExceptionFilter(
    SpendingExceptionKind? Kind = null, long? ContractId = null, string? ProviderAgbCode = null, int? Year = null, long? ImportId = null);

/// <summary>A spending line that needs a second look, with the contract it was matched to (if any).</summary>
public sealed record SpendingExceptionLine
{
    public long Id { get; init; }
    public long ImportId { get; init; }
    public int LineNumber { get; init; }
    public string ProviderAgbCode { get; init; } = "";
    public string MunicipalityCode { get; init; } = "";
    public string Law { get; init; } = "";
    public string ProductCategory { get; init; } = "";
    public string ProductCode { get; init; } = "";
    public DateOnly DeliveryStart { get; init; }
    public DateOnly DeliveryEnd { get; init; }
    public decimal Volume { get; init; }
    public string Unit { get; init; } = "";
    public long AmountCents { get; init; }
    public string DebetCredit { get; init; } = "";
    public string DeclarationNumber { get; init; } = "";
    public long? ContractId { get; init; }
    public string? ContractNumber { get; init; }
    public string? ContractManager { get; init; }
    public SpendingExceptionKind ExceptionKind { get; init; }
    public string ExceptionReason { get; init; } = "";
}

/// <summary>Where allocations come from: a CSV of the municipality's own system or an iWmo/iJw allocation message.</summary>
public enum AllocationSource { Csv, Wmo301, Jw301 }

/// <summary>A stored allocation import: the file's hash, what it held, who imported it when.</summary>
public sealed record AllocationImport
{
    public long Id { get; init; }
    public string FileHash { get; init; } = "";
    public AllocationSource Source { get; init; }
    public string? FileName { get; init; }
    public int AllocationsRead { get; init; }
    public int AllocationsInserted { get; init; }
    public int AllocationsUpdated { get; init; }
    public string ImportedBy { get; init; } = "";
    public DateTimeOffset ImportedAt { get; init; }
}
