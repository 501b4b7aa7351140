using System.Globalization;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Spending;

namespace ContractRegie.Core.Signals;

/// <summary>
/// The dedupe key of every kind of signal, in one place. A key names the condition, so a daily job raises it once and
/// afterwards only updates it. The formats are stored in every open signal: changing one makes each open signal of
/// that kind news again, with a mail to everyone, so the older styles stay as they are.
/// </summary>
public static class DedupeKeys
{
    /// <summary>A contract's decision or procurement-start deadline on that date (<see cref="SignalKind.DecisionDue"/>, <see cref="SignalKind.ProcurementMustStart"/>).</summary>
    public static string Deadline(SignalKind kind, long contractId, DateOnly deadline) => $"{kind}:{contractId}:{Day(deadline)}";

    public static string ExpiredWithoutDecision(long contractId, DateOnly currentEnd) => $"expired:{contractId}:{Day(currentEnd)}";

    public static string LateRenewalDecision(long contractId, long decisionId) => $"{SignalKind.LateRenewalDecision}:{contractId}:{decisionId}";

    public static string OutcomeBelowNorm(long agreementId, string period) => $"{SignalKind.OutcomeBelowNorm}:{agreementId}:{period}";

    /// <summary>One per agreement: the missing periods are its facts and its stage, so a later gap escalates it.</summary>
    public static string OutcomeReportMissing(long agreementId) => $"{SignalKind.OutcomeReportMissing}:{agreementId}";

    /// <summary>Provider and level: the signal stays while the level holds, and a change of level is a new signal.</summary>
    public static string FinancialRisk(long providerId, RiskLevel level) => $"{SignalKind.FinancialRisk}:{providerId}:{level}";

    public static string FinancialStatementMissing(long providerId, int year) => $"{SignalKind.FinancialStatementMissing}:{providerId}:{year}";

    public static string Budget(bool exceeded, long contractId, string municipalityCode, int year) =>
        $"{(exceeded ? "budget-exceeded" : "budget-nearly-exhausted")}:{contractId}:{municipalityCode}:{year}";

    /// <summary>Per exception kind, year and contract, or the provider's AGB code for lines that match no contract.</summary>
    public static string UnlawfulSpending(SpendingExceptionKind kind, long? contractId, string providerAgbCode, int year) =>
        $"unlawful-spending:{kind}:{contractId?.ToString(CultureInfo.InvariantCulture) ?? providerAgbCode}:{year}";

    public static string MailUndeliverable(long notificationId) => $"mail-undeliverable:{notificationId}";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
