using ContractRegie.Core.Contracts;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Contracts;

/// <summary>A replacement of a contract cannot exercise or un-exercise options: only a renewal decision does.</summary>
public class ContractReplacementTests
{
    [Fact]
    public void A_replacement_that_calls_an_exercised_option_open_keeps_it_exercised()
    {
        var stored = AContract(options: [new(1, 12, true), new(2, 12, false)]);
        var replacement = AContract(options: [new(1, 12, false), new(2, 24, false)], title: "Nieuwe titel");

        var replaced = replacement.Replacing(stored);

        Assert.Equal([new ExtensionOption(1, 12, true), new ExtensionOption(2, 24, false)], replaced.ExtensionOptions);
        Assert.Equal("Nieuwe titel", replaced.Title);
    }

    [Fact]
    public void A_replacement_cannot_exercise_an_option_or_drop_an_exercised_one()
    {
        var stored = AContract(options: [new(1, 6, true), new(2, 12, false)]);

        Assert.Equal([new ExtensionOption(1, 6, true), new ExtensionOption(2, 12, false)],
            AContract(options: [new(1, 6, true), new(2, 12, true)]).Replacing(stored).ExtensionOptions);
        // The exercised 6 months are history: a body without options keeps them and adds none.
        Assert.Equal([new ExtensionOption(1, 6, true)], AContract(options: []).Replacing(stored).ExtensionOptions);
    }
}
