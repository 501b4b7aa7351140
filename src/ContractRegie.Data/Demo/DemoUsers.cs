using System.Security.Cryptography;
using ContractRegie.Core.Security;
using ContractRegie.Data.Users;

namespace ContractRegie.Data.Demo;

/// <summary>
/// Accounts for the demo's staff, so every role can be tried. They share one generated password that the
/// caller shows once; demo data never comes with a fixed password.
/// </summary>
public sealed class DemoUsers(UserRepository users, UserAccounts accounts)
{
    public static IReadOnlyList<DemoPerson> People => DemoCatalog.People;

    /// <summary>Creates the accounts that do not exist yet and returns their password, or null when all existed.</summary>
    public async Task<string?> CreateAsync()
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
        var created = 0;
        foreach (var person in DemoCatalog.People)
        {
            if (await users.ReadByUserNameAsync(person.UserName) is null)
            {
                await accounts.CreateAsync(new UserAccount
                {
                    UserName = person.UserName, DisplayName = person.DisplayName, Email = person.Email, Roles = [person.Role],
                }, password);
                created++;
            }
        }
        return created > 0 ? password : null;
    }
}
