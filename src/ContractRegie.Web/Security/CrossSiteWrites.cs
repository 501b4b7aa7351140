using ContractRegie.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ContractRegie.Web.Security;

/// <summary>
/// Cross-site request forgery against the cookie API, beyond what SameSite does: a browser sends a write from another
/// site without a preflight only with a form content type (text/plain, form-urlencoded, multipart) and always names the
/// other site in Sec-Fetch-Site or Origin. So an API write with a form content type, or from another origin, is refused
/// before anything is read. JSON endpoints take application/json; imports take their file types (text/csv, XML,
/// application/octet-stream). Clients outside a browser send neither header and are not affected.
/// </summary>
public static class CrossSiteWrites
{
    private static readonly string[] FormContentTypes = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"];

    public static IApplicationBuilder UseCrossSiteWriteProtection(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments(ApiConventions.BasePath) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method))
        {
            await next(http);
            return;
        }
        if (IsCrossSite(request))
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "Verzoek van een andere site geweigerd.",
                "Schrijven via de API kan alleen vanaf dezelfde herkomst (Origin / Sec-Fetch-Site).");
            return;
        }
        if (IsFormContentType(request.ContentType))
        {
            await RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, "Inhoudstype niet toegestaan.",
                "Stuur application/json, of bij een import text/csv, XML of application/octet-stream.");
            return;
        }
        await next(http);
    });

    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsFormContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? FormContentTypes.Contains(parsed.MediaType.ToString(), StringComparer.OrdinalIgnoreCase)
            : !string.IsNullOrEmpty(contentType);

    private static async Task RefuseAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
