using ContractRegie.Core.Security;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
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
