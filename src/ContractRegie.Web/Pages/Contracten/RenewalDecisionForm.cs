using ContractRegie.Core.Contracts;
using ContractRegie.Web.Apis.Contracts;
using ContractRegie.Web.Pages.Labels;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
    /// The form posted on <paramref name="page"/>: refused unless the user may decide; once recorded the outcome is the
    /// status message and <paramref name="afterRecorded"/> follows, otherwise <paramref name="showAgain"/> with the messages.
    /// </summary>
    public static async Task<IActionResult> PostAsync(PageModel page, RenewalDecisions decisions, IAuthorizationService authorization, long contractId,
        RenewalDecisionInput input, Func<IActionResult> afterRecorded, Func<Task<IActionResult>> showAgain)
    {
        if (!(await authorization.AuthorizeAsync(page.User, Policies.RenewalDecision)).Succeeded)
        {
            return page.Forbid();
        }
        var outcome = await decisions.RecordAsync(contractId, input);
        if (outcome is RenewalDecisionOutcome.ContractNotFound)
        {
            return page.NotFound();
        }
        if (Report(outcome, input, page.ModelState) is { } recorded)
        {
            page.TempData["StatusMessage"] = recorded;
            return afterRecorded();
        }
        return await showAgain();
    }

    /// <summary>
    /// The status message when recorded; otherwise null, with the reasons added to <paramref name="modelState"/>.
    /// </summary>
    private static string? Report(RenewalDecisionOutcome outcome, RenewalDecisionInput input, ModelStateDictionary modelState)
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
