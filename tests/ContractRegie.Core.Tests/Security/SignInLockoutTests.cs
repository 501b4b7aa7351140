using ContractRegie.Core.Security;

namespace ContractRegie.Core.Tests.Security;

public sealed class SignInLockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_fifth_failure_locks_for_fifteen_minutes_and_resets_the_count()
    {
        Assert.Equal((4, null), SignInLockout.AfterFailure(3, Now));
        Assert.Equal((0, Now.AddMinutes(15)), SignInLockout.AfterFailure(4, Now));
    }

    [Fact]
    public void A_lock_holds_until_its_end()
    {
        var until = Now.AddMinutes(15);

        Assert.True(SignInLockout.IsLocked(until, Now.AddMinutes(14)));
        Assert.False(SignInLockout.IsLocked(until, until));
        Assert.False(SignInLockout.IsLocked(null, Now));
    }

    [Fact]
    public void Role_lists_parse_case_insensitively_and_report_unknown_names()
    {
        var (roles, unknown) = Roles.ParseList("beheerder, LEZER;onbekend 3");

        Assert.Equal([Role.Beheerder, Role.Lezer], roles);
        Assert.Equal(["onbekend", "3"], unknown);
    }
}
