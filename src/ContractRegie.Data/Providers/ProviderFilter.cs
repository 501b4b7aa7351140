namespace ContractRegie.Data.Providers;

public sealed record ProviderFilter(string? Text = null, bool? Active = null, bool? OzjtTop16 = null, string? ContractManager = null);

/// <summary>How a provider list is ordered.</summary>
public enum ProviderOrder { Name, AgbCode, City, ContractManager }
