using ContractRegie.Core.Common;

namespace ContractRegie.Core.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(1.005, 101)]   // half away from zero, as invoices round
    [InlineData(-1.005, -101)]
    [InlineData(85.5, 8550)]
    [InlineData(0.004, 0)]
    public void Euros_become_whole_cents(double euros, long cents) => Assert.Equal(cents, Money.FromEuros((decimal)euros));

    [Fact]
    public void Cents_become_euros_without_loss() => Assert.Equal(1234.56m, Money.ToEuros(123_456));

    [Theory]
    [InlineData(123_456_789, "€ 1.234.567,89")]
    [InlineData(5, "€ 0,05")]
    [InlineData(-7_250, "€ -72,50")]
    public void Amounts_read_the_dutch_way(long cents, string text) => Assert.Equal(text, Money.Format(cents));
}
