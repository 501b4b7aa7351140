using ContractRegie.Web.Security;

namespace ContractRegie.Web.Hosting;

/// <summary>The Dutch web UI: every page needs a signed-in user, except signing in and the no-access page.</summary>
public static class PagesSetup
{
    public static IServiceCollection AddContractRegiePages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", Policies.Read);
            options.Conventions.AllowAnonymousToPage("/Inloggen");
            options.Conventions.AllowAnonymousToPage("/GeenToegang");
        });
        return services;
    }
}
