using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Providers;

public class ProviderValidationTests
{
    [Fact]
    public void A_complete_provider_is_valid() => AssertValid(AProvider().Validate());

    [Theory]
    [InlineData("1234567")]    // 7 digits
    [InlineData("123456789")]
    [InlineData("1234567a")]
    [InlineData("ABCDEFGH")]
    [InlineData("")]
    [InlineData(null)]
    public void Bad_kvk_number_is_rejected(string? kvk) =>
        AssertErrorsOn(AProvider(kvk: kvk).Validate(), "kvkNumber");

    [Theory]
    [InlineData("8765432")]    // 7 digits
    [InlineData("876543210")]
    [InlineData("8765432X")]
    [InlineData("ABCDEFGH")]
    [InlineData("")]
    [InlineData(null)]
    public void Bad_agb_code_is_rejected(string? agb) =>
        AssertErrorsOn(AProvider(agb: agb).Validate(), "agbCode");

    [Fact]
    public void Bad_kvk_and_agb_are_both_reported() =>
        AssertErrorsOn(AProvider(kvk: "1234567", agb: null).Validate(), "kvkNumber", "agbCode");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Name_is_required(string name) =>
        AssertErrorsOn(AProvider(name: name).Validate(), "name");

    [Fact]
    public void Name_longer_than_200_characters_is_rejected()
    {
        AssertValid(AProvider(name: new string('x', 200)).Validate());
        AssertErrorsOn(AProvider(name: new string('x', 201)).Validate(), "name");
    }

    [Fact]
    public void Contact_email_without_at_sign_is_rejected() =>
        AssertErrorsOn(AProvider(email: "info.zorgtwente.nl").Validate(), "contactEmail");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Contact_email_is_optional(string? email) => AssertValid(AProvider(email: email).Validate());
}
