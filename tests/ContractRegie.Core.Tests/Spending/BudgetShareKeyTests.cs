using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;

namespace ContractRegie.Core.Tests.Spending;

public sealed class BudgetShareKeyTests
{
    private static BudgetShareKey Key(params (string Code, decimal Percent)[] shares) =>
        new() { ContractId = 7, Shares = shares.Select(s => new BudgetShare(s.Code, s.Percent)).ToList() };

    [Fact]
    public void The_budget_is_split_in_whole_cents_that_add_up_to_the_total()
    {
        // 100.001 cents: 33,33 % → 33.330,33; 33,33 % → 33.330,33; 33,34 % → 33.340,33. Rounded down 100.000; the one cent
        // left goes to the largest remainder, 0,3334 of 0153.
        var parts = Key(("0141", 33.33m), ("1735", 33.33m), ("0153", 33.34m)).Split(100_001);

        Assert.Equal(new Dictionary<string, long> { ["0141"] = 33_330, ["1735"] = 33_330, ["0153"] = 33_341 }, parts);
    }

    [Fact]
    public void Equal_remainders_go_by_municipality_code()
    {
        // 102 cents in quarters: 25,5 each, 100 rounded down and two cents left, for the two lowest codes.
        var parts = Key(("1735", 25m), ("0164", 25m), ("0153", 25m), ("0141", 25m)).Split(102);

        Assert.Equal(new Dictionary<string, long> { ["0141"] = 26, ["0153"] = 26, ["0164"] = 25, ["1735"] = 25 }, parts);
    }

    [Fact]
    public void A_valid_key_of_an_ozjt_contract_has_no_errors() =>
        Assert.True(Key(("0141", 60m), ("1735", 40m)).Validate(ContractKind.RegionaalOzjt).IsEmpty);

    [Fact]
    public void Shares_must_add_up_to_100_once_per_municipality_and_only_for_ozjt()
    {
        Assert.Contains("De aandelen tellen op tot 99,99 %, niet tot 100 %.",
            Key(("0141", 60m), ("1735", 39.99m)).Validate(ContractKind.RegionaalOzjt).ToDictionary()["shares"]);
        Assert.Contains("Elke gemeente komt één keer in de verdeelsleutel voor.",
            Key(("0141", 50m), ("0141", 50m)).Validate(ContractKind.RegionaalOzjt).ToDictionary()["shares"]);
        Assert.Contains("Alleen een regionaal OZJT-contract heeft een verdeelsleutel.",
            Key(("0141", 100m)).Validate(ContractKind.Lokaal).ToDictionary()["shares"]);
        var errors = Key(("141", 50.005m), ("1735", 49.995m)).Validate(ContractKind.RegionaalOzjt).ToDictionary();
        Assert.True(errors.ContainsKey("shares[0].municipalityCode") && errors.ContainsKey("shares[0].percent") && errors.ContainsKey("shares[1].percent"));
    }
}
