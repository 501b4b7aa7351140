using System.Security.Claims;
using ContractRegie.Core.Security;
using Microsoft.AspNetCore.Authentication;

namespace ContractRegie.Web.Security;

/// <summary>Translates the identity provider's roles or groups into ContractRegie roles, as configured.</summary>
public sealed class RoleMapping(ContractRegieAuthOptions options) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || identity.HasClaim(c => c.Type == ClaimTypes.Role))
        {
            return Task.FromResult(principal);
        }
        var mapped = identity.FindAll(options.Oidc.RoleClaim)
            .Select(claim => options.Oidc.RoleMapping.TryGetValue(claim.Value, out var name) ? name : claim.Value)
            .Aggregate(string.Empty, (all, name) => all + "," + name);
        var roles = Roles.ParseList(mapped).Roles;
        var withRoles = new ClaimsIdentity(identity.Claims, identity.AuthenticationType, identity.NameClaimType, ClaimTypes.Role);
        withRoles.AddClaims(roles.Select(role => new Claim(ClaimTypes.Role, role.ToString())));
        return Task.FromResult(new ClaimsPrincipal(withRoles));
    }
}
