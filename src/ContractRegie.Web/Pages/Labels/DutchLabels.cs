using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Jobs;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Jobs;

namespace ContractRegie.Web.Pages.Labels;

/// <summary>
/// Every code value the pages show, in the Dutch people read. The enums keep their English or technical names
/// for the API; pages (and anything else a person reads) ask here, so one word is chosen once.
/// </summary>
public static class DutchLabels
{
    public static string Of(SignalSeverity severity) => severity switch
    {
        SignalSeverity.Critical => "Kritiek",
        SignalSeverity.High => "Hoog",
        SignalSeverity.Warning => "Waarschuwing",
        _ => "Info",
    };

    public static string Of(SignalStatus status) => status switch
    {
        SignalStatus.Open => "Open",
        SignalStatus.Acknowledged => "Bevestigd",
        _ => "Afgehandeld",
    };

    public static string Of(SignalKind kind) => kind switch
    {
        SignalKind.DecisionDue => "Besluit nodig",
        SignalKind.ProcurementMustStart => "Aanbesteding moet starten",
        SignalKind.ContractExpiredWithoutDecision => "Verlopen zonder besluit",
        SignalKind.OutcomeBelowNorm => "Resultaat onder norm",
        SignalKind.OutcomeReportMissing => "Rapportage ontbreekt",
        SignalKind.FinancialRisk => "Financieel risico",
        SignalKind.BudgetNearlyExhausted => "Budget bijna op",
        SignalKind.BudgetExceeded => "Budget overschreden",
        SignalKind.LateRenewalDecision => "Besluit na de uiterste datum",
        SignalKind.FinancialStatementMissing => "Jaarrekening ontbreekt",
        SignalKind.MailUndeliverable => "E-mail niet verzonden",
        _ => "Onrechtmatige uitgaven",
    };

    public static string Of(DecidingBody body) => body switch
    {
        DecidingBody.College => "College van B&W",
        DecidingBody.Wethouder => "Wethouder",
        _ => "Gemandateerd manager",
    };

    public static string Of(ContractKind kind) => kind switch
    {
        ContractKind.Lokaal => "Lokaal",
        ContractKind.RegionaalOzjt => "Regionaal (OZJT)",
        ContractKind.Landelijk => "Landelijk (VNG)",
        _ => "Maatwerk",
    };

    public static string Of(Law law) => law switch
    {
        Law.Wmo => "Wmo 2015",
        Law.Jeugdwet => "Jeugdwet",
        _ => "Participatiewet",
    };

    public static string Of(ProcurementRoute route) => route switch
    {
        ProcurementRoute.OpenHouse => "Open house",
        ProcurementRoute.OpenbareProcedure => "Openbare procedure",
        ProcurementRoute.SocialeEnAndereSpecifiekeDiensten => "Sociale en andere specifieke diensten",
        ProcurementRoute.BestuurlijkAanbesteden => "Bestuurlijk aanbesteden",
        ProcurementRoute.NationaleProcedure => "Nationale openbare procedure",
        ProcurementRoute.MeervoudigOnderhands => "Meervoudig onderhands",
        _ => "Enkelvoudig onderhands",
    };

    public static string Of(ContractStatus status) => status switch
    {
        ContractStatus.Concept => "Concept",
        ContractStatus.Actief => "Actief",
        ContractStatus.Verlopen => "Verlopen",
        _ => "Beëindigd",
    };

    public static string Of(RenewalDecisionKind decision) => decision switch
    {
        RenewalDecisionKind.Verlengen => "Verlengen",
        RenewalDecisionKind.OpnieuwAanbesteden => "Opnieuw aanbesteden",
        RenewalDecisionKind.Beeindigen => "Beëindigen",
        _ => "Omzetten",
    };

    public static string Of(TariffUnit unit) => unit switch
    {
        TariffUnit.Uur => "uur",
        TariffUnit.Dagdeel => "dagdeel",
        TariffUnit.Etmaal => "etmaal",
        TariffUnit.Week => "week",
        _ => "stuk",
    };

    public static string Of(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Kwartaal => "per kwartaal",
        ReportingFrequency.Halfjaar => "per halfjaar",
        _ => "per jaar",
    };

    public static string Of(RiskLevel level) => level switch
    {
        RiskLevel.Laag => "Laag",
        RiskLevel.Verhoogd => "Verhoogd",
        _ => "Hoog",
    };

    public static string Of(Trend trend) => trend switch
    {
        Trend.Better => "beter",
        Trend.Worse => "slechter",
        _ => "gelijk",
    };

    public static string Of(SpendingExceptionKind kind) => kind switch
    {
        SpendingExceptionKind.NoMatchingContract => "Geen passend contract",
        SpendingExceptionKind.AmountDeviatesFromTariff => "Bedrag wijkt af van tarief",
        SpendingExceptionKind.DeliveryOutsideContractPeriod => "Levering buiten contractperiode",
        SpendingExceptionKind.MunicipalityNotCovered => "Gemeente valt niet onder het contract",
        SpendingExceptionKind.CreditReversesNothing => "Creditering zonder passende debetregel",
        SpendingExceptionKind.NoAllocation => "Geen toewijzing",
        SpendingExceptionKind.VolumeBeyondAllocation => "Volume boven toewijzing",
        SpendingExceptionKind.AllocationNumberMismatch => "Toewijzingnummer klopt niet",
        _ => "Dubbel gedeclareerd",
    };

    public static string Of(ReconciliationGrouping grouping) => grouping switch
    {
        ReconciliationGrouping.Contract => "Contract en gemeente",
        ReconciliationGrouping.Provider => "Zorgaanbieder",
        ReconciliationGrouping.Law => "Wet",
        _ => "Gemeente",
    };

    public static string Of(Role role) => Roles.DutchName(role);

    public static string Of(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Running => "Bezig",
        JobOutcome.Succeeded => "Geslaagd",
        JobOutcome.Abandoned => "Afgebroken",
        _ => "Mislukt",
    };

    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Create => "Aangemaakt",
        AuditAction.Update => "Gewijzigd",
        AuditAction.Delete => "Verwijderd",
        AuditAction.Decide => "Besloten",
        AuditAction.SignIn => "Ingelogd",
        AuditAction.SignInFailed => "Inloggen mislukt",
        AuditAction.PasswordChange => "Wachtwoord gewijzigd",
        _ => action.ToString(),
    };

    /// <summary>The jobs by their (technical, English) names.</summary>
    public static string Job(string name) => JobCatalog.Title(name);

    /// <summary>A law as stored in text columns (spending lines, reconciliation rows).</summary>
    public static string LawName(string law) => Enum.TryParse<Core.Contracts.Law>(law, out var parsed) ? Of(parsed) : law;

    /// <summary>A count that opens a sentence: "Geen opties", "1 optie".</summary>
    public static string CountSentence(int count, string singular, string plural) =>
        Count(count, singular, plural) is var text && text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>How many a list holds, as its first line says it: "12 contracten", or "Meer dan 1.000 contracten" when it was counted only so far.</summary>
    public static string CountSentence<T>(Data.Page<T> page, string singular, string plural) =>
        page.TotalIsExact ? CountSentence(page.TotalCount, singular, plural) : "Meer dan " + Count(page.TotalCount, singular, plural);

    /// <summary>"1 optie", "2 opties", "geen opties".</summary>
    public static string Count(int count, string singular, string plural) => count switch
    {
        0 => "geen " + plural,
        1 => "1 " + singular,
        _ => Core.Common.DutchFormat.Count(count) + " " + plural,
    };
}
