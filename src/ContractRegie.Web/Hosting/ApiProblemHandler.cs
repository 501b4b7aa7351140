using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using ContractRegie.Web.Apis;
using System.Text.Json;
using ContractRegie.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ContractRegie.Web.Hosting;

/// <summary>
/// Turns what escapes an API endpoint into problem+json. Unreadable JSON becomes a field error at the place the
/// parser stopped; anything unexpected becomes a 500 without internals (they go to the log).
/// </summary>
public sealed partial class ApiProblemHandler(IProblemDetailsService problems, ILogger<ApiProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The handler runs with the request path already set to the error page; the feature keeps the original.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (!path.StartsWith(ApiConventions.BasePath, StringComparison.OrdinalIgnoreCase))
        {
            return false; // a page: the exception handler logs it and shows the error page
        }
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
            BadHttpRequestException bad when BindingFailure(http, bad) is { } field => field,
            // A JSON body sent as another content type: ProblemTexts names the types the endpoint takes.
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => new ProblemDetails { Status = StatusCodes.Status415UnsupportedMediaType },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Ongeldig verzoek.", Detail = bad.Message },
            DbException db when http.RequestServices.GetRequiredService<Database>().Dialect.IsConstraintViolation(db) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict met bestaande gegevens.",
                Detail = "De wijziging botst met bestaande gegevens (een dubbele sleutel of een verwijzing).",
            },
            _ when DatabaseOutage.Is(exception) => DatabaseOutage.Problem(http),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Er ging iets mis aan onze kant." };
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails InvalidJson(JsonException json)
    {
        var field = FieldFromJsonPath(json.Path);
        var message = field.Length == 0
            ? "Het verzoek is geen geldige JSON."
            : "Ongeldige of onbekende waarde.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "De invoer is ongeldig.",
            Detail = json.LineNumber is { } line ? $"Regel {line + 1}, positie {json.BytePositionInLine}." : null,
        };
    }

    /// <summary>A query or route value that does not fit its parameter's type: a field error under the parameter's name.</summary>
    private static HttpValidationProblemDetails? BindingFailure(HttpContext http, BadHttpRequestException bad)
    {
        if (FailedBinding().Match(bad.Message) is not { Success: true } match)
        {
            return null;
        }
        var name = match.Groups["name"].Value;
        var parameter = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<MethodInfo>()?
            .GetParameters().FirstOrDefault(p => p.Name == name);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [name] = [QueryReader.MessageFor(parameter?.ParameterType ?? typeof(string), match.Groups["value"].Value)],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "De invoer is ongeldig.",
            Detail = $"De waarde van {name} past niet bij het type ervan.",
        };
    }

    /// <summary>How minimal APIs word a value that does not bind: Failed to bind parameter "int? page" from "x".</summary>
    [GeneratedRegex("""^Failed to bind parameter "(?:.+ )?(?<name>[^ "]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex FailedBinding();

    /// <summary>"$.extensionOptions[0].durationMonths" → "extensionOptions[0].durationMonths".</summary>
    private static string FieldFromJsonPath(string? path) =>
        path is null or "$" ? string.Empty : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
