using ContractRegie.Core.Security;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Tests.Infrastructure;
using ContractRegie.Data.Users;

namespace ContractRegie.Data.Tests.Security;

/// <summary>Built-in accounts and the audit trail on every engine.</summary>
public abstract class UserAndAuditContract<TDatabase>(TDatabase testDatabase) : EngineTests<TDatabase>(testDatabase)
    where TDatabase : TestDatabase
{
    private const string Password = "een-lang-genoeg-wachtwoord";
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);


    private (UserAccounts Accounts, AuditTrail Audit, FixedClock Clock) Create(string actor = "test")
    {
        var clock = new FixedClock(Noon);
        var audit = new AuditTrail(Database, new FixedActor(actor), clock);
        return (new UserAccounts(new UserRepository(Database, audit), audit, clock), audit, clock);
    }

    private async Task<string> NewUserAsync(UserAccounts accounts, params Role[] roles)
    {
        var userName = "u-" + Unique.Token();
        await accounts.CreateAsync(new UserAccount { UserName = userName, DisplayName = "Test", Roles = roles }, Password);
        return userName;
    }

    [EngineFact]
    public async Task A_created_user_signs_in_with_its_roles_and_not_with_a_wrong_password()
    {
        var (accounts, _, _) = Create();
        var userName = await NewUserAsync(accounts, Role.Inkoper, Role.Lezer);

        var signedIn = Assert.IsType<SignInOutcome.Succeeded>(await accounts.SignInAsync(userName, Password));
        Assert.Equal([Role.Inkoper, Role.Lezer], signedIn.Account.Roles.Order());
        Assert.IsType<SignInOutcome.Failed>(await accounts.SignInAsync(userName, Password + "x"));
        Assert.IsType<SignInOutcome.Failed>(await accounts.SignInAsync("bestaat-niet-" + Unique.Token(), Password));
    }

    [EngineFact]
    public async Task Five_failures_lock_the_account_until_the_lock_expires()
    {
        var (accounts, _, clock) = Create();
        var userName = await NewUserAsync(accounts, Role.Lezer);

        for (var i = 0; i < 4; i++)
        {
            Assert.IsType<SignInOutcome.Failed>(await accounts.SignInAsync(userName, "fout"));
        }
        var locked = Assert.IsType<SignInOutcome.LockedOut>(await accounts.SignInAsync(userName, "fout"));
        Assert.Equal(Noon.AddMinutes(15), locked.Until);
        Assert.IsType<SignInOutcome.LockedOut>(await accounts.SignInAsync(userName, Password));

        clock.Now = Noon.AddMinutes(15).AddSeconds(1);
        Assert.IsType<SignInOutcome.Succeeded>(await accounts.SignInAsync(userName, Password));
    }

    [EngineFact]
    public async Task An_audit_entry_records_actor_time_and_both_states()
    {
        var (_, audit, _) = Create("k.klaassen");
        var entity = "test_" + Unique.Token();

        await audit.AppendAsync(null, AuditAction.Update, entity, 42, new { Name = "voor" }, new { Name = "na" });

        var entry = Assert.Single((await audit.SearchAsync(new AuditFilter(Entity: entity), new PageRequest(1, 10))).Items);
        Assert.Equal("k.klaassen", entry.Actor);
        Assert.Equal(Noon, entry.OccurredAt);
        Assert.Equal(AuditAction.Update, entry.Action);
        Assert.Equal("42", entry.EntityId);
        Assert.Equal("""{"name":"voor"}""", entry.BeforeData);
        Assert.Equal("""{"name":"na"}""", entry.AfterData);
    }

    [EngineFact]
    public async Task A_rolled_back_write_leaves_neither_the_row_nor_its_audit_entry()
    {
        var (_, audit, _) = Create();
        var providers = new ProviderRepository(Database, audit);
        var provider = TestData.Provider("Teruggedraaid " + Unique.Token());
        var before = (await audit.SearchAsync(new AuditFilter(Entity: "provider"), new PageRequest(1, 1))).TotalCount;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.InTransactionAsync<long>(async tx =>
        {
            await providers.InsertAsync(provider, tx);
            throw new InvalidOperationException("afgebroken");
        }));

        Assert.Null(await providers.ReadByAgbCodeAsync(provider.AgbCode));
        Assert.Equal(before, (await audit.SearchAsync(new AuditFilter(Entity: "provider"), new PageRequest(1, 1))).TotalCount);
    }
}
