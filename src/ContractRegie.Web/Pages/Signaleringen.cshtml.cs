using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Signals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>What the jobs found, by default the open signals; with an id (the link in an e-mail) just that one.</summary>
public sealed class SignaleringenModel(SignalRepository signals) : PageModel
{
    [BindProperty(SupportsGet = true)] public SignalStatus? Status { get; set; } = SignalStatus.Open;
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }

    public Page<Signal> Signals { get; private set; } = new([], 1, 200, 0);

    public async Task OnGetAsync()
    {
        if (Id is { } id)
        {
            var signal = await signals.ReadByIdAsync(id);
            Signals = new Page<Signal>(signal is null ? [] : [signal], 1, 1, signal is null ? 0 : 1);
            return;
        }
        Signals = await signals.SearchAsync(new SignalFilter(Status: Status, Recipient: Mine ? User.Identity?.Name : null), new PageRequest(1, 200));
    }
}
