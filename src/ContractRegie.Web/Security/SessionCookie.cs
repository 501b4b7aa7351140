using ContractRegie.Web.Hosting;
using System.Globalization;
using System.Security.Claims;
using ContractRegie.Core.Security;
using ContractRegie.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ContractRegie.Web.Security;

/// <summary>
/// The built-in session: a cookie with the user's id, roles, security stamp, session key and sign-in time. Every request
/// checks it against the user store and the session table, so deactivating, changing roles or resetting the password
/// (a new stamp) ends all the user's sessions at the next request, signing out or ending a session from the list ends
/// that one, and no session outlives <see cref="SessionOptions.AbsoluteTimeout"/>.
/// </summary>
public static class SessionCookie
{
    private const string StampClaim = "contractregie:security-stamp";
    private const string SignedInAtClaim = "contractregie:signed-in-at";
    private const string SessionClaim = "contractregie:session";

    public static async Task SignInAsync(HttpContext http, SignInOutcome.Succeeded signedIn)
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
        var key = await http.RequestServices.GetRequiredService<SessionRepository>().StartAsync(account.Id, http.Request.Headers.UserAgent);
        identity.AddClaim(new Claim(SessionClaim, key));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Ends this session on the server (a copied cookie too), then removes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        var sessions = http.RequestServices.GetRequiredService<SessionRepository>();
        if (UserIdOf(http.User) is { } id && SessionKeyOf(http.User) is { } key && await sessions.ReadByKeyAsync(key) is { } session)
        {
            await sessions.EndAsync(id, session.Id);
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The cookie handler's OnValidatePrincipal: one read of the session by key with its user per request, no cache.</summary>
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
        var sessions = services.GetRequiredService<SessionRepository>();
        try
        {
            if (await IsValidAsync(principal, now, absolute, sessions))
            {
                return;
            }
        }
        catch (Exception error) when (DatabaseOutage.Is(error))
        {
            // Unknown, not invalid: the cookie stays, and the request is answered 503 after authentication.
            DatabaseOutage.Mark(context.HttpContext);
            context.RejectPrincipal();
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static async Task<bool> IsValidAsync(ClaimsPrincipal principal, DateTimeOffset now, TimeSpan absolute, SessionRepository sessions)
    {
        if (UserIdOf(principal) is { } id
            && long.TryParse(principal.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var signedInAt)
            && now - DateTimeOffset.FromUnixTimeSeconds(signedInAt) < absolute
            && SessionKeyOf(principal) is { } key
            && await sessions.ReadWithUserAsync(key) is ({ EndedAt: null } session, { Active: true } user)
            && session.UserId == id
            && user.SecurityStamp.Length > 0
            && user.SecurityStamp == principal.FindFirstValue(StampClaim))
        {
            await sessions.TouchIfDueAsync(session);
            return true;
        }
        return false;
    }

    /// <summary>The key of the signed-in built-in session (not shown anywhere: it is what makes the cookie a session).</summary>
    public static string? SessionKeyOf(ClaimsPrincipal principal) => principal.FindFirstValue(SessionClaim);

    public static long? UserIdOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(StampClaim) is not null
        && long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
