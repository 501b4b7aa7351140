using System.Threading.RateLimiting;
using ContractRegie.Data.Audit;
using ContractRegie.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace ContractRegie.Web.Security;

public static class AuthSetup
{
    public const string SignInRateLimit = "sign-in";
    private const string SelectScheme = "ContractRegie";
    public const string CookieName = "contractregie";

    /// <summary>
    /// Built-in mode: a cookie after signing in against the user store. OIDC mode: the identity provider signs
    /// people in to the UI (cookie) and API clients send its JWT bearer tokens. Either way every endpoint
    /// needs a policy (see <see cref="Policies"/>).
    /// </summary>
    public static WebApplicationBuilder AddContractRegieAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ContractRegieAuthOptions.Section).Get<ContractRegieAuthOptions>()
            ?? new ContractRegieAuthOptions();
        var oidc = options.Mode == SignInMode.Oidc;
        if (oidc && (string.IsNullOrWhiteSpace(options.Oidc.Authority) || string.IsNullOrWhiteSpace(options.Oidc.ClientId)))
        {
            throw new InvalidOperationException("Authentication:Mode is Oidc: set Authentication:Oidc:Authority and Authentication:Oidc:ClientId.");
        }
        builder.Services.AddSingleton(options);

        var authentication = builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = SelectScheme;
                o.DefaultChallengeScheme = SelectScheme;
            })
            .AddPolicyScheme(SelectScheme, null, o => o.ForwardDefaultSelector = http =>
                oidc && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : oidc && !IsApi(http) ? OpenIdConnectDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.Session.IdleTimeout;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionCookie.ValidateAsync;
                o.LoginPath = "/inloggen";
                o.AccessDeniedPath = "/geen-toegang";
                // The API answers 401/403 as problem+json (status code pages) instead of redirecting to a page.
                o.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirect(context, StatusCodes.Status403Forbidden);
            });
        if (oidc)
        {
            authentication
                .AddJwtBearer(o =>
                {
                    o.Authority = options.Oidc.Authority;
                    o.Audience = options.Oidc.Audience ?? options.Oidc.ClientId;
                    o.RequireHttpsMetadata = options.Oidc.RequireHttpsMetadata;
                    o.TokenValidationParameters.RoleClaimType = options.Oidc.RoleClaim;
                    o.TokenValidationParameters.NameClaimType = "preferred_username";
                    o.MapInboundClaims = false;
                })
                .AddOpenIdConnect(o =>
                {
                    o.Authority = options.Oidc.Authority;
                    o.ClientId = options.Oidc.ClientId;
                    o.ClientSecret = options.Oidc.ClientSecret;
                    o.RequireHttpsMetadata = options.Oidc.RequireHttpsMetadata;
                    o.ResponseType = "code";
                    o.UsePkce = true;
                    o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    o.TokenValidationParameters.RoleClaimType = options.Oidc.RoleClaim;
                    o.TokenValidationParameters.NameClaimType = "preferred_username";
                    o.MapInboundClaims = false;
                });
            builder.Services.AddTransient<IClaimsTransformation, RoleMapping>();
        }

        builder.Services.AddAuthorization(o => o.AddContractRegiePolicies());
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ICurrentActor, SignedInActor>();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (!IsApi(context.HttpContext))
                {
                    return; // the sign-in page: the error pages answer in the site's layout
                }
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Te veel inlogpogingen.",
                        Detail = "Probeer het over een minuut opnieuw.",
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>
    /// After this, everything needs a signed-in user: endpoints by their policy, and middleware without an endpoint
    /// (Swagger UI) by the fallback policy. What must stay public (health, sign-in, the OpenAPI document, CSS) is
    /// anonymous by endpoint metadata or placed before it.
    /// </summary>
    public static WebApplication UseContractRegieAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseDatabaseOutageAnswer();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments(ApiConventions.BasePath);

    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
