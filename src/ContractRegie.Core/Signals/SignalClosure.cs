using ContractRegie.Core.Common;

namespace ContractRegie.Core.Signals;

/// <summary>Why a job closed a signal it no longer finds: the resolution note people read.</summary>
public static class SignalClosure
{
    public static string Reason(SignalKind kind, DateOnly today) =>
        $"Automatisch afgehandeld op {DutchFormat.Date(today)}: " + kind switch
        {
            SignalKind.DecisionDue or SignalKind.ProcurementMustStart =>
                "deze termijn geldt niet meer (er is een besluit vastgelegd, de contractgegevens zijn gewijzigd of het contract is verlopen: "
                + "zie dan de signalering 'verlopen zonder besluit').",
            SignalKind.ContractExpiredWithoutDecision => "er is alsnog een besluit vastgelegd of het contract loopt weer.",
            SignalKind.OutcomeBelowNorm => "de laatste meting voldoet weer aan de norm.",
            SignalKind.OutcomeReportMissing => "de ontbrekende rapportages zijn binnen.",
            SignalKind.FinancialStatementMissing => "de jaarrekening is ontvangen.",
            SignalKind.FinancialRisk => "het risiconiveau van de zorgaanbieder is gedaald.",
            SignalKind.BudgetNearlyExhausted => "het budget is niet meer bijna op (budget verhoogd, uitgaven gecorrigeerd, inmiddels overschreden of het jaar is voorbij).",
            SignalKind.MailUndeliverable => "de e-mail is opnieuw in de wachtrij gezet.",
            SignalKind.BudgetExceeded => "het budget is niet meer overschreden (budget verhoogd, uitgaven gecorrigeerd of het jaar is voorbij).",
            _ => "de uitzonderingen zijn er niet meer (bijvoorbeeld na een gecorrigeerde import).",
        };
}
