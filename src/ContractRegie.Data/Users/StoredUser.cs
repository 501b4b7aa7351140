using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;

namespace ContractRegie.Data.Users;

/// <summary>A user row as stored: the account plus what only sign-in needs (hash, failures, lock).</summary>
public sealed class StoredUser
{
    public long Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string? Email { get; init; }
    public string Roles { get; init; } = "";
    public string? PasswordHash { get; init; }
    public bool Active { get; init; }
    public int FailedSignIns { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    /// <summary>How the user wants signals below the immediate threshold: at once, daily or weekly.</summary>
    public MailFrequency MailFrequency { get; init; } = MailFrequency.Daily;

    /// <summary>Changes whenever the user's sessions must end; a session cookie carries the stamp it was issued with.</summary>
    public string SecurityStamp { get; init; } = "";

    public UserAccount ToAccount() => new()
    {
        Id = Id,
        UserName = UserName,
        DisplayName = DisplayName,
        Email = Email,
        Roles = Core.Security.Roles.ParseList(Roles).Roles,
        Active = Active,
    };
}
