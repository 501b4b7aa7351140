using ContractRegie.Core.Spending;

namespace ContractRegie.Core.Tests.Spending;

public class DeclarationTotalTests
{
    private static DeclarationTotal Lines(params (long Cents, DebetCredit Dc)[] lines)
    {
        var total = new DeclarationTotal();
        foreach (var (cents, dc) in lines)
        {
            total.Add(cents, dc);
        }
        return total;
    }

    [Fact]
    public void Debet_lines_minus_credit_lines_equal_the_debet_total()
    {
        // 50,00 + 240,00 − 30,00 = 260,00 debet
        var total = Lines((5000, DebetCredit.Debet), (24000, DebetCredit.Debet), (3000, DebetCredit.Credit));

        Assert.Null(total.Check(26000, DebetCredit.Debet));
        Assert.Equal(26000, total.SignedSumCents);
        Assert.Equal(3, total.LineCount);
    }

    [Fact]
    public void A_credit_declaration_totals_as_credit()
    {
        // −30,00 − 20,00 = 50,00 credit
        var total = Lines((3000, DebetCredit.Credit), (2000, DebetCredit.Credit));

        Assert.Null(total.Check(5000, DebetCredit.Credit));
        Assert.NotNull(total.Check(5000, DebetCredit.Debet));
    }

    [Fact]
    public void A_wrong_total_is_refused_with_both_figures()
    {
        var total = Lines((5000, DebetCredit.Debet), (24000, DebetCredit.Debet), (3000, DebetCredit.Credit));

        var reason = total.Check(29000, DebetCredit.Debet);

        Assert.Equal("TotaalIngediendBedrag is € 290,00 debet, maar de 3 prestaties tellen op tot € 260,00 debet.", reason);
    }

    [Fact]
    public void The_right_amount_with_the_wrong_sign_is_refused() =>
        Assert.NotNull(Lines((26000, DebetCredit.Debet)).Check(26000, DebetCredit.Credit));
}
