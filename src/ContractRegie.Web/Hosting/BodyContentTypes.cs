using ContractRegie.Web.Hosting.OpenApi;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Matching;

namespace ContractRegie.Web.Hosting;

/// <summary>
/// The content types an API endpoint takes as its body: its file types (<see cref="FileBodyMetadata"/>), or JSON where minimal APIs
/// bind the body. Another type is a 415 from the endpoint itself, so after authentication and authorization: an anonymous caller
/// still gets 401 and a role without access 403. Routing's own check (the framework's AcceptsMatcherPolicy) answers before
/// authorization with an endpoint of its own, so it is taken out.
/// </summary>
public static class BodyContentTypes
{
    private const string RoutingCheck = "AcceptsMatcherPolicy";

    /// <summary>Takes routing's check out; after everything else, since each registration of routing adds it if missing.</summary>
    public static IServiceCollection CheckBodyContentTypesInEndpoints(this IServiceCollection services)
    {
        var routingCheck = services.Single(service => service.ServiceType == typeof(MatcherPolicy) && service.ImplementationType?.Name == RoutingCheck);
        services.Remove(routingCheck);
        return services;
    }

    /// <summary>What the endpoint of <paramref name="http"/> (or of the exception being answered) takes; empty when it takes no body.</summary>
    public static IReadOnlyList<string> Of(HttpContext http)
    {
        var metadata = (http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint)?.Metadata;
        return metadata?.GetMetadata<FileBodyMetadata>()?.ContentTypes ?? metadata?.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
    }
}
