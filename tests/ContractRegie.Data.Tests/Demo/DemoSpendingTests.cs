using System.Text.Json;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Demo;

namespace ContractRegie.Data.Tests.Demo;

public sealed class DemoSpendingTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DemoRegister Register = DemoRegister.Generate(Today);
    private static readonly DemoSpending Spending = DemoSpending.Generate(Register, Today);

    [Fact]
    public void The_same_day_gives_the_same_spending()
    {
        Assert.Equal(JsonSerializer.Serialize(Spending), JsonSerializer.Serialize(DemoSpending.Generate(DemoRegister.Generate(Today), Today)));
    }

    [Fact]
    public void It_is_this_years_ended_months_over_many_contracts_with_a_few_lines_of_each_exception_kind()
    {
        Assert.Equal(2026, Spending.Year);
        Assert.All(Spending.Lines, l => Assert.True(l.Line.DeliveryStart >= new DateOnly(2026, 1, 1) && l.Line.DeliveryEnd <= new DateOnly(2026, 10, 31)));
        Assert.InRange(Spending.Lines.Count, 300, 3_000);
        Assert.InRange(Spending.Lines.Select(l => l.ContractNumber).Distinct().Count(), 30, 150);
        var perKind = Spending.Lines.Where(l => l.Exception is not null).GroupBy(l => l.Exception!.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enum.GetValues<SpendingExceptionKind>(), kind => Assert.InRange(perKind.GetValueOrDefault(kind), 1, DemoSpending.LinesPerExceptionKind));
        // Mostly at tariff.
        Assert.True(perKind.Values.Sum() * 20 < Spending.Lines.Count);
    }

    [Fact]
    public void One_contract_has_spent_more_than_its_budget_and_one_at_least_80_percent()
    {
        Assert.True(ExhaustionOf(Spending.ExceededContract!) > 1m);
        Assert.InRange(ExhaustionOf(Spending.NearlyExhaustedContract!), 0.8m, 1m);
    }

    [Fact]
    public void Every_line_is_within_the_import_limits_and_every_bsn_passes_the_elfproef()
    {
        Assert.All(Spending.Lines, l => Assert.Empty(SpendingLimits.Default.Check(l.Line)));
        Assert.All(Spending.Lines.Select(l => l.Bsn).Concat(Spending.Allocations.Select(a => a.Bsn)), bsn => Assert.True(Bsn.IsValid(bsn)));
        Assert.Equal(Spending.Lines.Count, Spending.Lines.Select(l => l.Line.ProductReference).Distinct().Count());
    }

    /// <summary>Spent in Almelo (credits back) over the contract's Almelo budget of the year, from the lines and budgets the demo declares.</summary>
    private static decimal ExhaustionOf(string contractNumber)
    {
        var spent = Spending.Lines.Where(l => l.ContractNumber == contractNumber && l.Line.MunicipalityCode == "0141").Sum(l => l.Line.SignedAmountCents);
        var budget = Register.Contracts.Single(c => c.Contract.ContractNumber == contractNumber).Budgets
            .Where(b => b.Year == Spending.Year && b.MunicipalityCode == "0141").Sum(b => b.AmountCents);
        return (decimal)spent / budget;
    }
}
