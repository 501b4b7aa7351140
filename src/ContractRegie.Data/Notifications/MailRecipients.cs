using System.Data.Common;
using ContractRegie.Core.Notifications;
using ContractRegie.Core.Security;
using ContractRegie.Data.Signals;
using ContractRegie.Data.Users;

namespace ContractRegie.Data.Notifications;

/// <summary>
/// Someone mail goes to: a user, a role mailbox (<see cref="RoleMailboxPrefix"/> and the role, read as daily), or a
/// beheerder who stands in for a role nobody can be reached in (<see cref="StandInPrefix"/>, the role and the user id,
/// which fits the queue's recipient column where a long user name might not).
/// </summary>
public sealed record MailRecipient(string Key, string Address, string? DisplayName, IReadOnlyList<Role> Roles, MailFrequency Frequency, Role? StandsInFor = null)
{
    public const string RoleMailboxPrefix = "rol:";
    public const string StandInPrefix = "vervanger:";

    public MailReader Reader => new(DisplayName, Roles, StandsInFor);
}

/// <summary>
/// Resolves routing to addresses, once per job run: a named contractmanager or inkoper, every active user of any other
/// role, and when that finds nobody with an address the role mailbox (<c>Mail:RoleMailboxes:&lt;Role&gt;</c>, else
/// <c>Mail:FallbackRecipient</c>); without those every beheerder with an address stands in, told why, so a signal does
/// not go to nobody while anyone can mend its cause.
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
    /// either is not. When nobody who is to act has an address, the role mailboxes of those missing stand in, and
    /// without a mailbox the beheerders, who can give the named person an account.
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
        if (found.Values.All(f => f.InCopy) && missing.Count > 0)
        {
            var mailboxes = missing.Select(RoleMailbox).OfType<MailRecipient>().ToList();
            foreach (var standIn in mailboxes.Count > 0 ? mailboxes : StandIns(missing[0]))
            {
                Add(found, standIn, inCopy: false);
            }
        }
        return [.. found.Values];
    }

    private static void Add(Dictionary<string, (MailRecipient Recipient, bool InCopy)> found, MailRecipient recipient, bool inCopy) =>
        found[recipient.Key] = (recipient, inCopy && (!found.TryGetValue(recipient.Key, out var earlier) || earlier.InCopy));

    /// <summary>The recipient a queued entry names, if it can still be reached.</summary>
    public MailRecipient? ByKey(string key)
    {
        if (key.StartsWith(MailRecipient.RoleMailboxPrefix, StringComparison.Ordinal))
        {
            return Enum.TryParse<Role>(key[MailRecipient.RoleMailboxPrefix.Length..], out var role) ? RoleMailbox(role) : null;
        }
        if (key.StartsWith(MailRecipient.StandInPrefix, StringComparison.Ordinal))
        {
            var roleName = key[MailRecipient.StandInPrefix.Length..].Split(':', 2)[0];
            return Enum.TryParse<Role>(roleName, out var standsInFor) ? StandIns(standsInFor).FirstOrDefault(s => s.Key == key) : null;
        }
        return Person(key).FirstOrDefault();
    }

    private List<MailRecipient> Person(string? userName) =>
        userName is not null && _users.TryGetValue(userName, out var user) && user.Active && !string.IsNullOrWhiteSpace(user.Email)
            ? [ToRecipient(user)]
            : [];

    /// <summary>Every active beheerder with an address, standing in for <paramref name="role"/>.</summary>
    private IEnumerable<MailRecipient> StandIns(Role role) =>
        _users.Values.Where(CanStandIn).Select(u => ToRecipient(u) with { Key = $"{MailRecipient.StandInPrefix}{role}:{u.Id}", StandsInFor = role });

    private static bool CanStandIn(StoredUser user) =>
        user.Active && !string.IsNullOrWhiteSpace(user.Email) && user.ToAccount().Roles.Contains(Role.Beheerder);

    /// <summary>
    /// Whether a signal nobody responsible can be reached for still reaches someone: the fallback address, or a beheerder
    /// with an address. (A role mailbox covers only its role.) Without either, such signals are only listed.
    /// </summary>
    public static bool HaveLastResort(IEnumerable<StoredUser> users, MailAddressing addressing) =>
        !string.IsNullOrWhiteSpace(addressing.FallbackRecipient) || users.Any(CanStandIn);

    private static MailRecipient ToRecipient(StoredUser user) =>
        new(user.UserName, user.Email!, user.DisplayName, user.ToAccount().Roles, user.MailFrequency);

    private MailRecipient? RoleMailbox(Role role) =>
        (_addressing.RoleMailboxes.GetValueOrDefault(role) ?? _addressing.FallbackRecipient) is { Length: > 0 } address
            ? new MailRecipient(MailRecipient.RoleMailboxPrefix + role, address, null, [role], MailFrequency.Daily)
            : null;
}
