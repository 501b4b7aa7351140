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
}
