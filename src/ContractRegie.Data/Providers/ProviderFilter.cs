namespace ContractRegie.Data.Providers;

/// <summary>What a provider list can be narrowed by; <see cref="UpdatedSince"/>: changed at or after that instant.</summary>
public sealed record ProviderFilter(string? Text = null, bool? Active = null, bool? OzjtTop16 = null, string? ContractManager = null,
    DateTimeOffset? UpdatedSince = null);

/// <summary>How a provider list is ordered.</summary>
public enum ProviderOrder { Name, AgbCode, City, ContractManager }
