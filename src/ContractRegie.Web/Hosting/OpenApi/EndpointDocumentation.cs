using Microsoft.Net.Http.Headers;

namespace ContractRegie.Web.Hosting.OpenApi;

/// <summary>The body is a file (CSV, XML) of one of these content types; read by the handler, so nothing binds it.</summary>
public sealed record FileBodyMetadata(string Description, IReadOnlyList<string> ContentTypes)
{
    /// <summary>One of <see cref="ContentTypes"/>, parameters such as charset aside; a body without a content type is taken as the file.</summary>
    public bool Takes(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || (MediaTypeHeaderValue.TryParse(contentType, out var parsed) && ContentTypes.Contains(parsed.MediaType.ToString(), StringComparer.OrdinalIgnoreCase));
}

/// <summary>The 200 answer is an export (CSV, or .xlsx with format=Xlsx), written to the response by the handler itself.</summary>
public sealed record ExportAnswerMetadata;

/// <summary>The write needs the resource's ETag in If-Match (<see cref="Apis.RowVersions"/>): 428 without it, 412 when stale.</summary>
public sealed record IfMatchMetadata;

/// <summary>Per-endpoint facts for the OpenAPI document that its handler's signature cannot tell; read by <see cref="NlGovOperationProcessor"/>.</summary>
public static class EndpointDocumentation
{
    public const string CsvMediaType = "text/csv";

    /// <summary>
    /// No Accepts&lt;&gt; metadata on purpose: routing would answer 415 before authorization. Another content type is refused by
    /// a filter, after it (<see cref="Hosting.BodyContentTypes"/>); the content types that browsers can send cross-site without asking
    /// are refused with 415 before anything else by <see cref="Security.CrossSiteWrites"/>.
    /// </summary>
    public static RouteHandlerBuilder AcceptsFile(this RouteHandlerBuilder builder, string description, params string[] contentTypes)
    {
        var file = new FileBodyMetadata(description, contentTypes);
        return builder.WithMetadata(file)
            .AddEndpointFilter(async (context, next) =>
                file.Takes(context.HttpContext.Request.ContentType) ? await next(context) : Apis.ApiProblems.UnsupportedContentType())
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>A 200 whose body is CSV text or an .xlsx workbook (the handler writes it to the response itself).</summary>
    public static RouteHandlerBuilder ProducesExport(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ExportAnswerMetadata());

    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IfMatchMetadata())
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
