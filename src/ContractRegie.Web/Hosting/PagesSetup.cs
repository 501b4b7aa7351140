using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace ContractRegie.Web.Hosting;

/// <summary>The Dutch web UI: every page needs a signed-in user, except signing in, the no-access page and the error pages.</summary>
public static class PagesSetup
{
    public static IServiceCollection AddContractRegiePages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", Policies.Read);
            options.Conventions.AllowAnonymousToPage("/Inloggen");
            options.Conventions.AllowAnonymousToPage("/GeenToegang");
            options.Conventions.AllowAnonymousToPage("/Fout");
        });
        return services;
    }

    /// <summary>Where an unhandled exception outside the API is shown (re-executed, the response stays 500).</summary>
    public const string ExceptionPage = "/fout/500";

    /// <summary>
    /// Error status codes outside the API become pages in the site's layout (Pages/Fout) with the original status code.
    /// Placed inside the API's status code pages: for API requests this one is switched off, so those fall through to
    /// problem+json. (Top level, not a branch: only there can the re-executed request be routed to /fout.)
    /// </summary>
    public static IApplicationBuilder UseContractRegieErrorPages(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        return app.Use(async (http, next) =>
        {
            if (ApiConventions.IsApi(http.Request) && http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            await next(http);
        });
    }
}
