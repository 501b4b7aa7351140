using System.Data.Common;
using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Users;

namespace ContractRegie.Data.Notifications;

/// <summary>Someone mail goes to: a user, or a role mailbox (<see cref="RoleMailboxPrefix"/> and the role, read as daily).</summary>
public sealed record MailRecipient(string Key, string Address, string? DisplayName, IReadOnlyList<Role> Roles, MailFrequency Frequency)
{
    public const string RoleMailboxPrefix = "rol:";

    public MailReader Reader => new(DisplayName, Roles);
}

/// <summary>
/// Resolves routing to addresses, once per job run: a named contractmanager or inkoper, every active user of any other
/// role, and when that finds nobody with an address the role mailbox (<c>Mail:RoleMailboxes:&lt;Role&gt;</c>, else
/// <c>Mail:FallbackRecipient</c>), so a signal never goes to nobody.
/// </summary>
public sealed class MailRecipients
{
    private readonly IReadOnlyDictionary<string, StoredUser> _users;
    private readonly MailAddressing _addressing;

    private MailRecipients(IEnumerable<StoredUser> users, MailAddressing addressing)
    {
        _users = users.ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        _addressing = addressing;
    }

    public static async Task<MailRecipients> LoadAsync(UserRepository users, MailAddressing addressing, DbTransaction transaction) =>
        new(await users.ReadAllAsync(transaction), addressing);

    /// <summary>
    /// The recipients of one route; someone named twice (e.g. contractmanager and inkoper) gets it once, not in copy if
    /// either is not. When nobody who is to act has an address, the role mailboxes of those missing stand in.
    /// </summary>
    public IReadOnlyList<(MailRecipient Recipient, bool InCopy)> For(IReadOnlyList<Addressee> route, string? contractManager, string? inkoper)
    {
        var found = new Dictionary<string, (MailRecipient Recipient, bool InCopy)>();
        var missing = new List<Role>();
        foreach (var addressee in route)
        {
            var people = addressee.Role switch
            {
                Role.Contractmanager => Person(contractManager),
                Role.Inkoper => Person(inkoper),
                _ => _users.Values.Where(u => u.Active && !string.IsNullOrWhiteSpace(u.Email) && u.ToAccount().Roles.Contains(addressee.Role))
                    .Select(ToRecipient).ToList(),
            };
            if (people.Count == 0 && !addressee.InCopy)
            {
                missing.Add(addressee.Role);
            }
            foreach (var recipient in people)
            {
                Add(found, recipient, addressee.InCopy);
            }
        }
        if (found.Values.All(f => f.InCopy))
        {
            foreach (var mailbox in missing.Select(RoleMailbox).OfType<MailRecipient>())
            {
                Add(found, mailbox, inCopy: false);
            }
        }
        return [.. found.Values];
    }

    private static void Add(Dictionary<string, (MailRecipient Recipient, bool InCopy)> found, MailRecipient recipient, bool inCopy) =>
        found[recipient.Key] = (recipient, inCopy && (!found.TryGetValue(recipient.Key, out var earlier) || earlier.InCopy));

    /// <summary>The recipient a queued entry names, if it can still be reached.</summary>
    public MailRecipient? ByKey(string key) =>
        key.StartsWith(MailRecipient.RoleMailboxPrefix, StringComparison.Ordinal)
            ? Enum.TryParse<Role>(key[MailRecipient.RoleMailboxPrefix.Length..], out var role) ? RoleMailbox(role) : null
            : Person(key).FirstOrDefault();

    private List<MailRecipient> Person(string? userName) =>
        userName is not null && _users.TryGetValue(userName, out var user) && user.Active && !string.IsNullOrWhiteSpace(user.Email)
            ? [ToRecipient(user)]
            : [];

    private static MailRecipient ToRecipient(StoredUser user) =>
        new(user.UserName, user.Email!, user.DisplayName, user.ToAccount().Roles, user.MailFrequency);

    private MailRecipient? RoleMailbox(Role role) =>
        (_addressing.RoleMailboxes.GetValueOrDefault(role) ?? _addressing.FallbackRecipient) is { Length: > 0 } address
            ? new MailRecipient(MailRecipient.RoleMailboxPrefix + role, address, null, [role], MailFrequency.Daily)
            : null;
}
