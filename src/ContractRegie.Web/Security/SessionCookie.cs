using System.Globalization;
using System.Security.Claims;
using ContractRegie.Core.Security;
using ContractRegie.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContractRegie.Web.Security;

/// <summary>
/// The built-in session: a cookie with the user's id, roles, security stamp and sign-in time. Every request checks it
/// against the user store, so deactivating, changing roles, resetting the password or signing out ends the session at
/// the next request, and no session outlives <see cref="SessionOptions.AbsoluteTimeout"/>.
/// </summary>
public static class SessionCookie
{
    private const string StampClaim = "contractregie:security-stamp";
    private const string SignedInAtClaim = "contractregie:signed-in-at";

    public static Task SignInAsync(HttpContext http, SignInOutcome.Succeeded signedIn)
    {
        var account = signedIn.Account;
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.UserName));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, account.DisplayName));
        identity.AddClaims(account.Roles.Select(role => new Claim(ClaimTypes.Role, role.ToString())));
        identity.AddClaim(new Claim(StampClaim, signedIn.SecurityStamp));
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        identity.AddClaim(new Claim(SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Ends every session of the signed-in user on the server (a copied cookie too), then removes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        if (UserIdOf(http.User) is { } id)
        {
            await http.RequestServices.GetRequiredService<UserRepository>().EndSessionsAsync(id);
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The cookie handler's OnValidatePrincipal: one read of the user by primary key per request, no cache.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (services.GetRequiredService<ContractRegieAuthOptions>().Mode != SignInMode.BuiltIn)
        {
            return;
        }
        var principal = context.Principal!;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var absolute = services.GetRequiredService<ContractRegieAuthOptions>().Session.AbsoluteTimeout;
        var current = UserIdOf(principal) is { } id
            && long.TryParse(principal.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var signedInAt)
            && now - DateTimeOffset.FromUnixTimeSeconds(signedInAt) < absolute
            && await services.GetRequiredService<UserRepository>().ReadByIdAsync(id) is { Active: true } user
            && user.SecurityStamp.Length > 0
            && user.SecurityStamp == principal.FindFirstValue(StampClaim);
        if (!current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static long? UserIdOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(StampClaim) is not null
        && long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
