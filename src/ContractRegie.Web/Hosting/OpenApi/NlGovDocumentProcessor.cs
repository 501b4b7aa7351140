using ContractRegie.Web.Security;
using System.Text.RegularExpressions;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace ContractRegie.Web.Hosting.OpenApi;

/// <summary>
/// The document as a whole: contact from the settings, the two ways to authenticate, and paths relative to the
/// server URL (which ends in /api/v1, NLGov ADR: the major version in the URI).
/// </summary>
public sealed partial class NlGovDocumentProcessor(ApiDocumentOptions options) : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        document.Info.Contact = new OpenApiContact { Name = options.Contact.Name, Email = options.Contact.Email, Url = options.Contact.Url };
        document.Components.SecuritySchemes[NlGovOperationProcessor.CookieScheme] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.ApiKey,
            In = OpenApiSecurityApiKeyLocation.Cookie,
            Name = AuthSetup.CookieName,
            Description = "The session cookie that POST /sessions sets (built-in accounts).",
        };
        document.Components.SecuritySchemes[NlGovOperationProcessor.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token of the municipality's identity provider (Authentication:Mode=Oidc).",
        };
        // NSwag describes TypedResults' problems with these; every error answer now refers to the one Problem schema.
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        MarkRequired(document);
        MarkObjectsOfDates(document);
        foreach (var item in document.Paths.Values)
        {
            AddHead(item);
        }
        var paths = document.Paths.ToList();
        document.Paths.Clear();
        foreach (var (path, item) in paths)
        {
            document.Paths[path.StartsWith(ApiConventions.BasePath + "/", StringComparison.Ordinal) ? path[ApiConventions.BasePath.Length..] : path] = item;
        }
    }

    /// <summary>
    /// A property that cannot be null is required: the API always writes every property (null included), and input
    /// without a non-nullable value is a field error, so clients may rely on it being there.
    /// </summary>
    private static void MarkRequired(OpenApiDocument document)
    {
        // Problem is written by hand with its required members; its other members are left out when they do not apply.
        var generated = document.Components.Schemas.Where(schema => schema.Key != ProblemSchema.Name).Select(schema => schema.Value);
        foreach (var property in generated.SelectMany(schema => schema.Properties.Values))
        {
            property.IsRequired |= !property.IsNullable(SchemaType.OpenApi3);
        }
    }

    /// <summary>Every GET also answers HEAD (see <see cref="ApiConventions"/>): the same answers without a body.</summary>
    private static void AddHead(OpenApiPathItem item)
    {
        if (!item.TryGetValue(OpenApiOperationMethod.Get, out var get) || item.ContainsKey(OpenApiOperationMethod.Head))
        {
            return;
        }
        var head = new OpenApiOperation
        {
            OperationId = get.OperationId is { } id ? id + "Head" : null,
            Summary = get.Summary is { } summary ? "Headers only: " + summary : null,
            Security = get.Security,
        };
        foreach (var tag in get.Tags)
        {
            head.Tags.Add(tag);
        }
        foreach (var parameter in get.Parameters)
        {
            head.Parameters.Add(parameter);
        }
        foreach (var (code, response) in get.Responses)
        {
            var headers = new OpenApiResponse { Description = response.Description };
            foreach (var (name, header) in response.Headers)
            {
                headers.Headers[name] = header;
            }
            head.Responses[code] = headers;
        }
        item[OpenApiOperationMethod.Head] = head;
    }

    /// <summary>
    /// The ruleset takes every property named like "…Date(s)" for a date and wants a format on it. An object holding
    /// dates (keyDates) gets the custom format "date-set": OpenAPI allows custom formats and validators ignore a
    /// format on objects, so clients see the same shape.
    /// </summary>
    private static void MarkObjectsOfDates(OpenApiDocument document)
    {
        foreach (var (name, property) in document.Components.Schemas.Values.SelectMany(schema => schema.Properties))
        {
            if (DateLikeName().IsMatch(name) && property.ActualSchema is { Type: JsonObjectType.Object, Format: null } target)
            {
                target.Format = "date-set";
            }
        }
    }

    /// <summary>The ruleset's pattern for date properties (nlgov:specify-format-for-date-and-time).</summary>
    [GeneratedRegex(@"((\w+D)|(_[dD]))((ate)|(atum))")]
    private static partial Regex DateLikeName();

    /// <summary>The document's server: the configured public address, never the request's Host header.</summary>
    public void SetServer(OpenApiDocument document)
    {
        document.Servers.Clear();
        document.Servers.Add(new OpenApiServer { Url = options.PublicBaseUrl.TrimEnd('/') });
    }
}
