using ContractRegie.Core.Common;
using ContractRegie.Core.Signals;
using ContractRegie.Data;
using ContractRegie.Data.Signals;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

/// <summary>
/// What the jobs found. Opens on the signed-in user's open signals, most urgent first; filters, order and page stay in
/// the URL. With an id (the link in an e-mail) it sends the reader to that signal's own page.
/// </summary>
public sealed class SignaleringenModel(SignalRepository signals, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    private const int PageSize = 50;

    /// <summary>Whose signals: "mij" (default) or "iedereen".</summary>
    [BindProperty(SupportsGet = true)] public string Wie { get; set; } = "mij";
    /// <summary>A <see cref="SignalStatus"/>, "Unresolved" (open or acknowledged) or "All"; default Open.</summary>
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = nameof(SignalStatus.Open);
    [BindProperty(SupportsGet = true)] public SignalSeverity? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public SignalKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "ernst";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }

    public const string Unresolved = nameof(Unresolved);
    public const string All = nameof(All);

    public static readonly IReadOnlyDictionary<string, SignalOrder> Columns = new Dictionary<string, SignalOrder>(StringComparer.OrdinalIgnoreCase)
    {
        ["ernst"] = SignalOrder.Urgency,
        ["signalering"] = SignalOrder.Title,
        ["contractmanager"] = SignalOrder.Recipient,
        ["status"] = SignalOrder.Status,
        ["bijgewerkt"] = SignalOrder.Newest,
    };

    public Page<Signal> Signals { get; private set; } = new([], 1, PageSize, 0);
    public bool MayAct { get; private set; }
    public DateOnly Today => time.Today();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            return Redirect($"/signaleringen/{id}");
        }
        var status = Enum.TryParse<SignalStatus>(Status, out var parsed) ? parsed : (SignalStatus?)null;
        var filter = new SignalFilter(Kind: Kind, Status: status, Severity: Severity,
            Recipient: Wie == "iedereen" ? null : User.Identity?.Name, Unresolved: Status == Unresolved);
        Signals = await signals.SearchAsync(filter, PageRequest.Within(PageNumber, PageSize),
            Columns.GetValueOrDefault(Sort, SignalOrder.Urgency), Desc);
        MayAct = (await authorization.AuthorizeAsync(User, Policies.ContractWrite)).Succeeded;
        return Page();
    }
}
