using ContractRegie.Web.Security;

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

    /// <summary>
    /// Errors outside the API become pages in the site's layout (Pages/Fout) with the original status code; the API
    /// keeps its problem+json. Placed after the API's handlers, so it answers first for pages.
    /// </summary>
    public static IApplicationBuilder UseContractRegieErrorPages(this IApplicationBuilder app) =>
        app.UseWhen(http => !http.Request.Path.StartsWithSegments(ApiConventions.BasePath), pages =>
        {
            pages.UseExceptionHandler("/fout/500");
            pages.UseStatusCodePagesWithReExecute("/fout/{0}");
        });
}
