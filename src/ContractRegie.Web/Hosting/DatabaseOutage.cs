using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc;

namespace ContractRegie.Web.Hosting;

/// <summary>
/// A database that cannot be reached or does not answer in time, as opposed to an error in a statement: the answer is
/// 503 with Retry-After (problem+json for the API, a Dutch page for people), and nothing was written, as every write is
/// one transaction.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>What a 503 tells the client to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        // The drivers mark connection failures, timeouts and a broken session as transient.
        DbException { IsTransient: true } => true,
        TimeoutException or SocketException => true,
        _ => Is(exception.InnerException),
    };

    /// <summary>Notes that the session check could not reach the database, so the request is answered 503 instead of run.</summary>
    public static void Mark(HttpContext http) => http.Items[typeof(DatabaseOutage)] = true;

    /// <summary>Answers requests whose session could not be checked (see <see cref="Mark"/>); placed after authentication.</summary>
    public static IApplicationBuilder UseDatabaseOutageAnswer(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Items.ContainsKey(typeof(DatabaseOutage)) || http.Response.HasStarted)
        {
            await next(http);
            return;
        }
        if (ApiConventions.IsApi(http.Request))
        {
            var problem = Problem(http);
            http.Response.StatusCode = problem.Status!.Value;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            return;
        }
        SetStatus(http);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(Page);
    });

    public static ProblemDetails Problem(HttpContext http)
    {
        SetStatus(http);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "ContractRegie is tijdelijk niet beschikbaar.",
            Detail = "De database is niet bereikbaar. Er is niets opgeslagen; probeer het over een halve minuut opnieuw.",
        };
    }

    private static void SetStatus(HttpContext http)
    {
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage))
            .LogWarning("Database unavailable on {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // Self-contained: with the database gone, neither the session nor the site's layout can be relied on.
    private const string Page = """
        <!DOCTYPE html>
        <html lang="nl">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Tijdelijk niet beschikbaar · ContractRegie</title><link rel="stylesheet" href="/css/site.css"></head>
        <body><main>
        <h1>ContractRegie is tijdelijk niet beschikbaar</h1>
        <p>De database is op dit moment niet bereikbaar. Er is niets opgeslagen van wat u net deed.</p>
        <p>Probeer het over een halve minuut opnieuw: <a href="">deze pagina opnieuw laden</a>.</p>
        </main></body>
        </html>
        """;
}
