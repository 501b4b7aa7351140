using System.Net;
using ContractRegie.Web.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

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
        // First: behind a TLS-terminating proxy the request is HTTPS, so the cookie is Secure and HSTS is sent.
        app.UseForwardedHeaders();
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

    /// <summary>The <see cref="ImportLimit"/> of the import endpoints, as request metadata Kestrel enforces.</summary>
    public static RequestSizeLimitAttribute ImportSizeLimit(this IEndpointRouteBuilder app) =>
        new(app.ServiceProvider.GetRequiredService<ImportLimit>().MaxBytes);

    public static WebApplicationBuilder AddSecurityLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ImportLimit.From(builder.Configuration));
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.Configure<ForwardedHeadersOptions>(options => TrustProxies(options, builder.Configuration.GetSection("ForwardedHeaders")));
        // Bodies larger than this are refused with 413 before they are read; imports raise it per endpoint.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize =
            builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", 10L * 1024 * 1024));
        return builder;
    }

    /// <summary>
    /// X-Forwarded-For and -Proto count only from the proxies in ForwardedHeaders:KnownProxies (addresses) and
    /// KnownNetworks (CIDR); without them only a proxy on the same machine (loopback) is trusted.
    /// </summary>
    private static void TrustProxies(ForwardedHeadersOptions options, IConfiguration settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = settings.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = settings.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length + networks.Length == 0)
        {
            return;
        }
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
