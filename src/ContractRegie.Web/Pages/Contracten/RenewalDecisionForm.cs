using ContractRegie.Core.Contracts;
using ContractRegie.Web.Apis.Contracts;
using ContractRegie.Web.Pages.Labels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContractRegie.Web.Pages.Contracten;

/// <summary>
/// The renewal decision form as the contract page and the planner show it (Contracten/_RenewalDecisionForm.cshtml):
/// where it posts, what was typed, and the messages next to the fields.
/// </summary>
public sealed record RenewalDecisionForm(Contract Contract, string Action, RenewalDecisionInput Values, ModelStateDictionary ModelState)
{
    public const string DecisionField = nameof(RenewalDecisionInput.Decision);
    public const string ReasonField = nameof(RenewalDecisionInput.Reason);

    public string? DecisionError => ErrorOf(DecisionField);
    public string? ReasonError => ErrorOf(ReasonField);

    private string? ErrorOf(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>
    /// What a page tells after <see cref="RenewalDecisions.RecordAsync"/>: the status message when recorded; otherwise
    /// null, with the reasons added to <paramref name="modelState"/> (nothing added when the contract does not exist).
    /// </summary>
    public static string? Report(RenewalDecisionOutcome outcome, RenewalDecisionInput input, ModelStateDictionary modelState)
    {
        switch (outcome)
        {
            case RenewalDecisionOutcome.Recorded recorded:
                return $"Besluit vastgelegd: {DutchLabels.Of(recorded.Decision.Decision)}. "
                       + $"Huidig einde {DutchDates.Format(recorded.Contract.KeyDates.CurrentEnd)}, "
                       + $"uiterste besluitdatum {DutchDates.Format(recorded.Contract.KeyDates.DecisionDeadline)}.";
            case RenewalDecisionOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors.ToDictionary())
                {
                    // A missing radio choice reads better as what to do; other messages are the recorder's own.
                    modelState.AddModelError(field switch { "decision" => DecisionField, "reason" => ReasonField, _ => string.Empty },
                        field == "decision" && input.Decision is null ? "Kies een besluit." : string.Join(" ", messages));
                }
                return null;
            case RenewalDecisionOutcome.Refused refused:
                modelState.AddModelError(string.Empty, refused.Reason);
                return null;
            default:
                return null;
        }
    }
}
