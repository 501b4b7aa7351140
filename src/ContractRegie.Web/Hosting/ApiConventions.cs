namespace ContractRegie.Web.Hosting;

/// <summary>The NLGov API Design Rules that apply to every API response.</summary>
public static class ApiConventions
{
    public const string BasePath = "/api/v1";

    /// <summary>An API request (problem+json on errors) rather than a page for people.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(BasePath);
    public const string Version = "1.0.0";
    public const string VersionHeader = "API-Version";

    public static IApplicationBuilder UseApiConventions(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments(BasePath))
        {
            await next(http);
            return;
        }
        // ADR: every response says which API version answered.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[VersionHeader] = Version;
            // Answers hold personal and financial data: no browser or proxy cache keeps them.
            http.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        // HEAD wherever GET works: answered as the GET, headers only. Before routing, which matches GET endpoints only.
        if (HttpMethods.IsHead(http.Request.Method))
        {
            http.Request.Method = HttpMethods.Get;
            http.Response.Body = Stream.Null;
        }
        // ADR: no trailing slashes; routing would otherwise match them silently.
        if (http.Request.Path.Value!.EndsWith('/'))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(http);
    });
}
