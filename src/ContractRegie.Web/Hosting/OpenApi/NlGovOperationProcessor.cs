using ContractRegie.Core.Security;
using ContractRegie.Data.Export;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace ContractRegie.Web.Hosting.OpenApi;

/// <summary>
/// What holds for every operation, derived from the endpoint's metadata so an endpoint added later is described
/// the same way without annotations: its summary, 400 for bad input, 401/403 and the security schemes where it
/// needs a user or a role, errors as problem+json, and the API-Version header on every answer (NLGov ADR).
/// </summary>
public sealed class NlGovOperationProcessor : IOperationProcessor
{
    public const string CookieScheme = "cookie";
    public const string BearerScheme = "bearer";

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var metadata = (context as AspNetCoreOperationProcessorContext)?.ApiDescription.ActionDescriptor.EndpointMetadata ?? [];
        operation.Summary ??= metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary;
        operation.Description ??= metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description;

        AddIfMissing(operation, StatusCodes.Status400BadRequest);
        DescribeRequest(context.OperationDescription, metadata);
        var access = AccessOf(metadata);
        if (access == EndpointAccess.Anonymous)
        {
            operation.Security = [];
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [CookieScheme] = [] }, new OpenApiSecurityRequirement { [BearerScheme] = [] }];
            AddIfMissing(operation, StatusCodes.Status401Unauthorized);
            if (access == EndpointAccess.SomeRoles)
            {
                AddIfMissing(operation, StatusCodes.Status403Forbidden);
            }
        }

        var problem = ProblemSchema.In(context.Document);
        foreach (var (code, response) in operation.Responses)
        {
            var status = int.TryParse(code, out var number) ? number : 0;
            if (string.IsNullOrEmpty(response.Description))
            {
                response.Description = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Answer";
            }
            response.Headers[ApiConventions.VersionHeader] = new OpenApiHeader
            {
                Description = "The full version of the API that answered.",
                Schema = new JsonSchema { Type = JsonObjectType.String, Example = ApiConventions.Version },
            };
            if (status >= 400)
            {
                response.Content.Clear();
                response.Content[ProblemSchema.MediaType] = new OpenApiMediaType { Schema = new JsonSchema { Reference = problem } };
            }
        }
        return true;
    }

    /// <summary>
    /// What every endpoint of a kind can answer: 404 for a path naming what does not exist (or does not fit the
    /// route), 409 for a write that breaks a uniqueness or reference rule (ApiProblemHandler), 413 for a body over the
    /// limit and 415 for one of another content type (<see cref="BodyContentTypes"/>), 429 where a rate limit applies; and the
    /// file bodies and If-Match that endpoints declare with <see cref="EndpointDocumentation"/>.
    /// </summary>
    private static void DescribeRequest(OpenApiOperationDescription description, IList<object> metadata)
    {
        var operation = description.Operation;
        if (operation.Parameters.Any(parameter => parameter.Kind == OpenApiParameterKind.Path))
        {
            AddIfMissing(operation, StatusCodes.Status404NotFound);
        }
        if (description.Method is OpenApiOperationMethod.Post or OpenApiOperationMethod.Put or OpenApiOperationMethod.Patch or OpenApiOperationMethod.Delete)
        {
            AddIfMissing(operation, StatusCodes.Status409Conflict);
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            AddIfMissing(operation, StatusCodes.Status429TooManyRequests);
        }
        if (metadata.OfType<FileBodyMetadata>().LastOrDefault() is { } file)
        {
            var body = new OpenApiRequestBody { IsRequired = true, Description = file.Description };
            foreach (var contentType in file.ContentTypes)
            {
                body.Content[contentType] = new OpenApiMediaType { Schema = new JsonSchema { Type = JsonObjectType.String, Format = JsonFormatStrings.Binary } };
            }
            operation.RequestBody = body;
        }
        if (operation.RequestBody is not null)
        {
            AddIfMissing(operation, StatusCodes.Status413PayloadTooLarge);
            AddIfMissing(operation, StatusCodes.Status415UnsupportedMediaType);
        }
        if (metadata.OfType<ExportAnswerMetadata>().Any())
        {
            var export = new OpenApiResponse { Description = "The list as CSV (UTF-8, separated by ;), or as an .xlsx workbook with format=Xlsx." };
            export.Content[EndpointDocumentation.CsvMediaType] = new OpenApiMediaType { Schema = new JsonSchema { Type = JsonObjectType.String } };
            export.Content[XlsxWriter.ContentType] = new OpenApiMediaType { Schema = new JsonSchema { Type = JsonObjectType.String, Format = "binary" } };
            operation.Responses["200"] = export;
        }
        if (metadata.OfType<IfMatchMetadata>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                Kind = OpenApiParameterKind.Header,
                IsRequired = true,
                Description = "The ETag of the last GET of this resource, e.g. \"3\".",
                Schema = new JsonSchema { Type = JsonObjectType.String },
            });
        }
    }

    private static void AddIfMissing(OpenApiOperation operation, int status) =>
        operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse());

    private enum EndpointAccess
    {
        Anonymous,
        AnyRole,
        SomeRoles,
    }

    /// <summary>Every endpoint needs a signed-in user (the fallback policy) unless it allows anonymous access.</summary>
    private static EndpointAccess AccessOf(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return EndpointAccess.Anonymous;
        }
        var limited = metadata.OfType<IAuthorizeData>().Any(data => !string.IsNullOrEmpty(data.Roles) || (data.Policy is { } policy
                && (!Policies.RolesPerPolicy.TryGetValue(policy, out var roles) || roles.Length < Enum.GetValues<Role>().Length)))
            || metadata.OfType<AuthorizationPolicy>().Any();
        return limited ? EndpointAccess.SomeRoles : EndpointAccess.AnyRole;
    }
}
