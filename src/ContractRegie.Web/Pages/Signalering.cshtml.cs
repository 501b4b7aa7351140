using ContractRegie.Core.Signals;
using ContractRegie.Data.Signals;
using ContractRegie.Web.Apis.Signals;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>One signal, where an e-mail leads; a contractmanager acknowledges or resolves it here or from a list.</summary>
public sealed class SignaleringModel(SignalRepository signals, SignalActions actions, IAuthorizationService authorization) : PageModel
{
    public Signal? Signal { get; private set; }
    public bool MayAct { get; private set; }

    /// <summary>The note typed before a refused resolution, shown again with its error.</summary>
    [BindProperty] public string? Note { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(long id) => await ShowAsync(id);

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id)
    {
        if (!await MayActAsync())
        {
            return Forbid();
        }
        return await AfterAsync(id, await actions.AcknowledgeAsync(id), "Signalering bevestigd.");
    }

    public async Task<IActionResult> OnPostResolveAsync(long id)
    {
        if (!await MayActAsync())
        {
            return Forbid();
        }
        return await AfterAsync(id, await actions.ResolveAsync(id, Note), "Signalering afgehandeld.");
    }

    private async Task<IActionResult> AfterAsync(long id, SignalActionOutcome outcome, string done)
    {
        switch (outcome)
        {
            case SignalActionOutcome.Done:
                TempData["StatusMessage"] = done;
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : $"/signaleringen/{id}");
            case SignalActionOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors.ToDictionary())
                {
                    ModelState.AddModelError(field == "note" ? nameof(Note) : field, string.Join(" ", messages));
                }
                return await ShowAsync(id);
            case SignalActionOutcome.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Reason);
                return await ShowAsync(id);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(long id)
    {
        Signal = await signals.ReadByIdAsync(id);
        if (Signal is null)
        {
            return NotFound();
        }
        MayAct = await MayActAsync();
        return Page();
    }

    private async Task<bool> MayActAsync() => (await authorization.AuthorizeAsync(User, Policies.ContractWrite)).Succeeded;
}
