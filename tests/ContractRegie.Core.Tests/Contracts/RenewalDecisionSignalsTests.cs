using ContractRegie.Core.Contracts;
using ContractRegie.Core.Signals;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Contracts;

public class RenewalDecisionSignalsTests
{
    private static RenewalDecision Decision(RenewalDecisionKind kind, string? lateJustification = null) => new()
    {
        Id = 5, ContractId = 1, Decision = kind, DecidedOn = D(2022, 8, 1), DecidedBy = "p.inkoper", Reason = "Goed",
        LateJustification = lateJustification,
    };

    [Theory]
    [InlineData(RenewalDecisionKind.Verlengen, false)]
    [InlineData(RenewalDecisionKind.OpnieuwAanbesteden, false)]
    [InlineData(RenewalDecisionKind.Beeindigen, true)]
    [InlineData(RenewalDecisionKind.Omzetten, true)]
    public void Every_decision_answers_the_decision_and_expiry_signals_and_ending_also_the_procurement_start(
        RenewalDecisionKind kind, bool answersProcurement)
    {
        var answered = RenewalDecisionSignals.AnsweredBy(kind);

        Assert.Contains(SignalKind.DecisionDue, answered);
        Assert.Contains(SignalKind.ContractExpiredWithoutDecision, answered);
        Assert.Equal(answersProcurement, answered.Contains(SignalKind.ProcurementMustStart));
        Assert.DoesNotContain(SignalKind.OutcomeBelowNorm, answered);
    }

    [Fact]
    public void A_late_extension_is_signalled_to_the_contract_owner_with_the_missed_deadline_and_the_justification()
    {
        var contract = AContract() with { Id = 1, ContractOwner = "m.eigenaar", ContractManager = "a.bakker" };

        var draft = RenewalDecisionSignals.ForLateDecision(contract, Decision(RenewalDecisionKind.Verlengen, "Raad besloot later"), D(2022, 6, 30));

        Assert.NotNull(draft);
        Assert.Equal((SignalKind.LateRenewalDecision, "m.eigenaar", "contract", 1L), (draft.Kind, draft.Recipient, draft.SubjectType, draft.SubjectId));
        Assert.Contains("was 30-06-2022", draft.Facts);
        Assert.Contains("Verantwoording: Raad besloot later", draft.Facts);
        Assert.Equal("LateRenewalDecision:1:5", draft.DedupeKey);
    }

    [Fact]
    public void Without_an_owner_the_contractmanager_hears_of_a_late_extension_and_a_timely_one_raises_nothing()
    {
        var contract = AContract() with { ContractManager = "a.bakker" };

        Assert.Equal("a.bakker", RenewalDecisionSignals.ForLateDecision(contract, Decision(RenewalDecisionKind.Verlengen, "x"), D(2022, 6, 30))?.Recipient);
        Assert.Null(RenewalDecisionSignals.ForLateDecision(contract, Decision(RenewalDecisionKind.Verlengen), D(2022, 6, 30)));
    }
}
