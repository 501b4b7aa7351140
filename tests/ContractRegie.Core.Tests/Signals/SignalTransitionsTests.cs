using ContractRegie.Core.Signals;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Signals;

public class SignalTransitionsTests
{
    [Theory]
    [InlineData(SignalStatus.Open, false)]
    [InlineData(SignalStatus.Acknowledged, false)]
    [InlineData(SignalStatus.Resolved, true)]
    public void Only_a_closed_signal_refuses_acknowledging(SignalStatus status, bool refused) =>
        Assert.Equal(refused, SignalTransitions.RefuseAcknowledge(new Signal { Status = status }) is not null);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Resolving_needs_a_note(string? note) => AssertErrorsOn(SignalTransitions.ValidateResolution(note), "note");

    [Fact]
    public void A_note_of_2001_characters_is_too_long_and_is_reported_once()
    {
        var errors = SignalTransitions.ValidateResolution(new string('a', 2001));

        Assert.Single(errors.ToDictionary()["note"]);
    }

    [Fact]
    public void A_note_of_2000_characters_with_line_breaks_is_fine() =>
        AssertValid(SignalTransitions.ValidateResolution("Opgelost.\r\n" + new string('a', 1989)));
}
