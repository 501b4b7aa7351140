using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Signals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>What the jobs found, by default the open signals of the signed-in contractmanager.</summary>
public sealed class SignaleringenModel(SignalRepository signals) : PageModel
{
    [BindProperty(SupportsGet = true)] public SignalStatus? Status { get; set; } = SignalStatus.Open;
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }

    public Page<Signal> Signals { get; private set; } = new([], 1, 200, 0);

    public async Task OnGetAsync() =>
        Signals = await signals.SearchAsync(new SignalFilter(Status: Status, Recipient: Mine ? User.Identity?.Name : null), new PageRequest(1, 200));
}
