using ContractRegie.Data.Audit;

namespace ContractRegie.Web.Security;

/// <summary>The audit trail's "who" in the web host: the signed-in user of the current request.</summary>
public sealed class SignedInActor(IHttpContextAccessor http) : ICurrentActor
{
    public string Name => http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anoniem";
}
