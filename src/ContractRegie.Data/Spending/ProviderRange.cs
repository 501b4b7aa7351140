namespace ContractRegie.Data.Spending;

/// <summary>
/// The providers with ids from <see cref="FirstProviderId"/> to <see cref="LastProviderId"/>, whose contracts a reconciliation
/// reads: one provider (both its id), or a chunk of the register. Null matches no provider.
/// </summary>
public sealed record ProviderRange(long? FirstProviderId, long? LastProviderId);
