using ContractRegie.Web.Hosting;

namespace ContractRegie.Web.Security;

/// <summary>Headers that keep browsers from sniffing, framing or loading foreign content, on every page and API answer.</summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    // Swagger UI starts itself with an inline script and inline styles; nothing else gets that.
    private const string SwaggerPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseHsts();
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ApiSetup.SwaggerUiPath) ? SwaggerPolicy : Policy;
                return Task.CompletedTask;
            });
            await next(http);
        });
        return app;
    }

    public static WebApplicationBuilder AddSecurityLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // Bodies larger than this are refused with 413 before they are read; imports raise it per endpoint.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize =
            builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", 10L * 1024 * 1024));
        return builder;
    }
}
