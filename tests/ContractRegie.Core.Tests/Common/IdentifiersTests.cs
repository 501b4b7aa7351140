using ContractRegie.Core.Common;
using ContractRegie.Core.Providers;

namespace ContractRegie.Core.Tests.Common;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("12345678", true)]
    [InlineData("01234567", true)]
    [InlineData("1234567", false)]
    [InlineData("123456789", false)]
    [InlineData("1234567A", false)]
    [InlineData("１２３４５６７８", false)] // full-width digits are not digits here
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Kvk_numbers_and_agb_codes_are_eight_ascii_digits(string? value, bool valid)
    {
        Assert.Equal(valid, Identifiers.IsKvkNumber(value));
        Assert.Equal(valid, Identifiers.IsAgbCode(value));
    }

    [Fact]
    public void A_provider_with_bad_numbers_gets_a_dutch_error_per_field()
    {
        var provider = new Provider { Name = "Zorg BV", KvkNumber = "1234", AgbCode = "ABCDEFGH", ContactEmail = "geen-adres" };

        var errors = provider.Validate().ToDictionary();

        Assert.Equal(["agbCode", "contactEmail", "kvkNumber"], errors.Keys.Order());
        Assert.Equal("KvK-nummer moet uit 8 cijfers bestaan.", Assert.Single(errors["kvkNumber"]));
    }

    [Theory]
    [InlineData(1.005, 101)]   // half away from zero
    [InlineData(-1.005, -101)]
    [InlineData(85.5, 8550)]
    [InlineData(0.004, 0)]
    public void Euros_become_whole_cents(double euros, long cents) => Assert.Equal(cents, Money.FromEuros((decimal)euros));
}
