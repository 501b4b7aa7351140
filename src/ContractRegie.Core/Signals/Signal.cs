using ContractRegie.Core.Common;

namespace ContractRegie.Core.Signals;

/// <summary>What needs a person's attention (DESIGN.md "Signal").</summary>
public enum SignalKind
{
    DecisionDue,
    ProcurementMustStart,
    ContractExpiredWithoutDecision,
    OutcomeBelowNorm,
    OutcomeReportMissing,
    FinancialRisk,
    BudgetNearlyExhausted,
    BudgetExceeded,
    UnlawfulSpending,
    LateRenewalDecision,
    FinancialStatementMissing,
    MailUndeliverable,
}

public enum SignalSeverity { Info, Warning, High, Critical }

public enum SignalStatus { Open, Acknowledged, Resolved }

/// <summary>What a signal is about: the <see cref="SignalDraft.SubjectType"/> values, which links and lists match on.</summary>
public static class SignalSubjects
{
    public const string Contract = "contract";
    public const string Provider = "provider";
    public const string Notification = "notification";
    /// <summary>A declared line that matches no contract: the signal points at the first line of its group.</summary>
    public const string SpendingLine = "spending_line";
}

public static class SignalStages
{
    /// <summary>The stage of a signal a job closed because its cause was gone: when the cause returns, it is news again.</summary>
    public const int CauseGone = -1;
}

/// <summary>
/// A signal as a job proposes it. <see cref="DedupeKey"/> identifies the condition (e.g. this contract's decision
/// due on that date), so a daily job raises it once and afterwards only updates it. <see cref="Stage"/> orders how
/// urgent the condition has become (e.g. 12, 6, 3, 1 months before, 0 = past); a new stage means a new e-mail.
/// <see cref="DueOn"/> is the deadline to act by, when there is one: lists order by it after severity, and the e-mail
/// and its calendar entry carry it.
/// </summary>
public sealed record SignalDraft(
    SignalKind Kind,
    SignalSeverity Severity,
    string SubjectType,
    long SubjectId,
    string Title,
    string Facts,
    string DedupeKey,
    int Stage,
    string? Recipient,
    DateOnly? DueOn = null);

/// <summary>A stored signal.</summary>
public sealed record Signal
{
    public long Id { get; init; }
    public SignalKind Kind { get; init; }
    public SignalSeverity Severity { get; init; }
    public string SubjectType { get; init; } = "";
    public long SubjectId { get; init; }
    public string Title { get; init; } = "";
    public string Facts { get; init; } = "";
    public string DedupeKey { get; init; } = "";
    public int Stage { get; init; }
    public string? Recipient { get; init; }
    public DateOnly? DueOn { get; init; }
    public SignalStatus Status { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? ResolutionNote { get; init; }
}

/// <summary>What a person may do with a signal: acknowledge it while it is not closed, resolve it with a note.</summary>
public static class SignalTransitions
{
    public const int MaximumNoteLength = 2000;

    /// <summary>Why <paramref name="signal"/> cannot be acknowledged, or null: a closed signal stays closed.</summary>
    public static string? RefuseAcknowledge(Signal signal) =>
        signal.Status == SignalStatus.Resolved ? "Deze signalering is al afgesloten." : null;

    public static ValidationErrors ValidateResolution(string? note)
    {
        var errors = new ValidationErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(note), "note", "Een toelichting is verplicht.");
        TextRules.Text(errors, "note", note, MaximumNoteLength);
        return errors;
    }
}
