using ContractRegie.Core.Security;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Security;

public class UserAccountValidationTests
{
    private static UserAccount Account(string userName = "a.bakker", string displayName = "Anne Bakker", params Role[] roles) =>
        new() { UserName = userName, DisplayName = displayName, Roles = roles.Length == 0 ? [Role.Contractmanager] : roles };

    [Fact]
    public void An_account_from_the_identity_provider_needs_no_password() => AssertValid(Account().Validate(password: null));

    [Fact]
    public void Name_display_name_and_a_role_are_required()
    {
        var account = new UserAccount { UserName = " ", DisplayName = "", Roles = [] };

        AssertErrorsOn(account.Validate(password: null), "userName", "displayName", "roles");
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void A_password_has_12_to_1000_characters(int length, bool valid)
    {
        var errors = Account().Validate(new string('x', length));

        Assert.Equal(valid, errors.IsEmpty);
    }
}
