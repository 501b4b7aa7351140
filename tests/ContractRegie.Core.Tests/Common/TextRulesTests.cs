using ContractRegie.Core.Common;

namespace ContractRegie.Core.Tests.Common;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Zorggroep Twente", true)]
    [InlineData("Zorggroep \u00e9\u00e8 \u0645\u0631\u0643\u0632", true)]
    [InlineData("Zorg\0groep", false)]
    [InlineData("Zorg\u202Eexe.fdp", false)]
    [InlineData("Zorg\u2066groep\u2069", false)]
    [InlineData("Zorg\ngroep", false)]
    [InlineData("Zorg\u0007groep", false)]
    public void Names_refuse_control_and_direction_override_characters(string name, bool accepted)
    {
        var errors = new ValidationErrors();

        TextRules.Name(errors, "name", name, 200);

        Assert.Equal(accepted, errors.IsEmpty);
    }

    [Fact]
    public void Free_text_keeps_line_breaks_and_tabs_but_not_nul()
    {
        var fine = new ValidationErrors();
        var nul = new ValidationErrors();

        TextRules.Text(fine, "reason", "Regel een\r\n\tRegel twee", 2000);
        TextRules.Text(nul, "reason", "Regel\0", 2000);

        Assert.True(fine.IsEmpty);
        Assert.False(nul.IsEmpty);
    }

    [Fact]
    public void The_length_limit_counts_exactly()
    {
        var atLimit = new ValidationErrors();
        var over = new ValidationErrors();

        TextRules.Name(atLimit, "city", new string('a', 100), 100);
        TextRules.Name(over, "city", new string('a', 101), 100);

        Assert.True(atLimit.IsEmpty);
        Assert.Equal("city: Hoogstens 100 tekens.", over.ToString());
    }
}
