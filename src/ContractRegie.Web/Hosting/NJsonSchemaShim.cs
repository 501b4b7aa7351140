using System.Reflection;
using System.Runtime.Loader;

namespace ContractRegie.Web.Hosting;

/// <summary>
/// NSwag.AspNetCore 14.8.0 is built against NJsonSchema.NewtonsoftJson 11.6.2, which the package mirror
/// does not have; 11.6.1 is pinned instead (same API). Without this the runtime refuses the older file and the
/// first OpenAPI request fails. When the 11.6.2 assembly is asked for, load the 11.6.1 file that ships with
/// the app. Remove this file once 11.6.2 is restorable.
/// </summary>
public static class NJsonSchemaShim
{
    private const string AssemblyName = "NJsonSchema.NewtonsoftJson";

    public static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName requested)
    {
        if (!string.Equals(requested.Name, AssemblyName, StringComparison.Ordinal))
        {
            return null;
        }
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
