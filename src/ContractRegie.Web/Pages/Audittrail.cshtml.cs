using ContractRegie.Data;
using ContractRegie.Data.Audit;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages;

[Authorize(Policy = Policies.Audit)]
public sealed class AudittrailModel(AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "wanneer";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public static readonly IReadOnlyDictionary<string, AuditOrder> Columns = new Dictionary<string, AuditOrder>(StringComparer.OrdinalIgnoreCase)
    {
        ["wanneer"] = AuditOrder.Newest,
        ["wie"] = AuditOrder.Actor,
        ["actie"] = AuditOrder.Action,
        ["wat"] = AuditOrder.Entity,
    };

    public Page<AuditEntry> Entries { get; private set; } = new([], 1, 50, 0);

    public async Task OnGetAsync() =>
        Entries = await audit.SearchAsync(
            new AuditFilter(string.IsNullOrWhiteSpace(Entity) ? null : Entity.Trim(), Actor: string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim()),
            PageRequest.Within(PageNumber, 50), Columns.GetValueOrDefault(Sort, AuditOrder.Newest), Desc);
}
