using ContractRegie.Data;
using System.Security.Claims;
using ContractRegie.Core.Security;
using ContractRegie.Data.Users;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Security;

public sealed record SignInInput(string? UserName, string? Password);

public sealed record SessionInfo(string UserName, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>One of the signed-in user's open sessions; <see cref="Current"/> is the one asking.</summary>
public sealed record OpenSession(long Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? UserAgent, bool Current);

/// <summary>Signing in and out with a built-in account; the session is a cookie.</summary>
public static class SessionsApi
{
    public const string SignInFailedMessage = "Gebruikersnaam of wachtwoord onjuist, of het account is tijdelijk geblokkeerd.";

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/sessions").WithTags("Sessions");
        group.MapPost("", SignIn).WithName("SignIn").WithSummary("Inloggen met gebruikersnaam en wachtwoord; zet de sessiecookie.")
            .AllowAnonymous().RequireRateLimiting(AuthSetup.SignInRateLimit);
        group.MapGet("/current", Current).WithName("GetCurrentSession").WithSummary("Wie is ingelogd, met welke rollen.")
            .RequireAuthorization(Policies.Read);
        group.MapDelete("/current", (Delegate)SignOut).WithName("SignOut").WithSummary("Uitloggen: beëindigt deze sessie.")
            .RequireAuthorization(Policies.Read);
        group.MapGet("", ListOwnSessions).WithName("ListOwnSessions").WithSummary("De open sessies van de ingelogde gebruiker (ingebouwde accounts).")
            .RequireAuthorization(Policies.Read);
        group.MapDelete("/{id:long}", EndOwnSession).WithName("EndOwnSession").WithSummary("Beëindigt een eigen sessie, bijvoorbeeld op een ander apparaat.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Results<Ok<SessionInfo>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInInput input, HttpContext http, UserAccounts accounts, ContractRegieAuthOptions options)
    {
        if (options.Mode != SignInMode.BuiltIn)
        {
            return TypedResults.Problem(title: "Inloggen gaat via de identity provider.", statusCode: StatusCodes.Status400BadRequest);
        }
        var errors = new Core.Common.ValidationErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(input.UserName), "userName", "Is verplicht.");
        errors.AddIf(string.IsNullOrEmpty(input.Password), "password", "Is verplicht.");
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        switch (await accounts.SignInAsync(input.UserName!, input.Password!))
        {
            case SignInOutcome.Succeeded { Account: var account } signedIn:
                await SessionCookie.SignInAsync(http, signedIn);
                return TypedResults.Ok(new SessionInfo(account.UserName, account.DisplayName, account.Roles.Select(r => r.ToString()).ToList()));
            default:
                // The same answer for an unknown, a wrong and a locked account: nothing tells which names exist.
                return TypedResults.Problem(title: SignInFailedMessage, statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    public static Ok<SessionInfo> Current(ClaimsPrincipal user) =>
        TypedResults.Ok(new SessionInfo(
            user.Identity!.Name ?? "",
            user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity.Name ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList()));

    public static async Task<Results<Ok<PagedResponse<OpenSession>>, ValidationProblem>> ListOwnSessions(
        HttpRequest request, ClaimsPrincipal user, SessionRepository sessions, int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        var open = SessionCookie.UserIdOf(user) is { } id ? await sessions.ReadOpenAsync(id) : [];
        var key = SessionCookie.SessionKeyOf(user);
        var items = open.Skip(paging.Offset).Take(paging.PageSize)
            .Select(s => new OpenSession(s.Id, s.CreatedAt, s.LastSeenAt, s.UserAgent, s.SessionKey == key)).ToList();
        return TypedResults.Ok(PagedResponse<OpenSession>.From(new Page<OpenSession>(items, paging.PageNumber, paging.PageSize, open.Count), request));
    }

    /// <summary>Only the user's own sessions; another user's session id is as unknown as one that does not exist.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> EndOwnSession(long id, ClaimsPrincipal user, SessionRepository sessions) =>
        SessionCookie.UserIdOf(user) is { } userId && await sessions.EndAsync(userId, id)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Sessie {id}");

    public static async Task<NoContent> SignOut(HttpContext http)
    {
        await SessionCookie.SignOutAsync(http);
        return TypedResults.NoContent();
    }
}
