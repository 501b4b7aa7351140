namespace ContractRegie.Core.Security;

/// <summary>A person who may sign in. Built-in accounts have a password; accounts from the identity provider do not.</summary>
public sealed record UserAccount
{
    public long Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<Role> Roles { get; init; } = [];
    public bool Active { get; init; } = true;
}
