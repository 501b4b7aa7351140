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
        MarkObjectsOfDates(document);
        var paths = document.Paths.ToList();
        document.Paths.Clear();
        foreach (var (path, item) in paths)
        {
            document.Paths[path.StartsWith(ApiConventions.BasePath + "/", StringComparison.Ordinal) ? path[ApiConventions.BasePath.Length..] : path] = item;
        }
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
