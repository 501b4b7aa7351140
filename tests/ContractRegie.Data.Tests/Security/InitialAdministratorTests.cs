using ContractRegie.Core.Security;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Data.Users;

namespace ContractRegie.Data.Tests.Security;

/// <summary>The first beheerder appears only in a database without users, so this test makes its own SQLite file.</summary>
public sealed class InitialAdministratorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);


    [Fact]
    public async Task The_first_beheerder_is_created_once_with_a_generated_password()
    {
        var fresh = new SqliteTestDatabase();
        await fresh.InitializeAsync();
        try
        {
            var clock = new FixedClock(Noon);
            var audit = new AuditTrail(fresh.Database, new FixedActor("test"), clock);
            var accounts = new UserAccounts(new UserRepository(fresh.Database, audit), audit, clock);

            var generated = await accounts.EnsureInitialAdministratorAsync("beheerder", configuredPassword: null);
            var again = await accounts.EnsureInitialAdministratorAsync("beheerder", configuredPassword: null);

            Assert.NotNull(generated);
            Assert.True(generated.Length >= PasswordRules.MinimumLength);
            Assert.Null(again);
            var admin = Assert.IsType<SignInOutcome.Succeeded>(await accounts.SignInAsync("beheerder", generated));
            Assert.Equal([Role.Beheerder], admin.Account.Roles);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

}
