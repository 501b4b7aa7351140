using ContractRegie.Core.Common;
using ContractRegie.Core.Providers;

namespace ContractRegie.Web.Apis.Providers;

/// <summary>What a client sends to create or replace a provider.</summary>
public sealed record ProviderInput(
    string? Name,
    string? KvkNumber,
    string? AgbCode,
    string? Street,
    string? PostalCode,
    string? City,
    string? ContactEmail,
    string? ContractManager,
    bool? OzjtTop16,
    bool? Active)
{
    public Provider ToProvider(long id, ValidationErrors errors)
    {
        var provider = new Provider
        {
            Id = id,
            Name = Name?.Trim() ?? "",
            KvkNumber = KvkNumber?.Trim() ?? "",
            AgbCode = AgbCode?.Trim() ?? "",
            Street = Street,
            PostalCode = PostalCode,
            City = City,
            ContactEmail = ContactEmail,
            ContractManager = ContractManager,
            OzjtTop16 = OzjtTop16 ?? false,
            Active = Active ?? true,
        };
        errors.Merge(provider.Validate());
        return provider;
    }
}
