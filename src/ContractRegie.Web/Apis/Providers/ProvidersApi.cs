using ContractRegie.Core.Common;
using ContractRegie.Core.Providers;
using ContractRegie.Data;
using ContractRegie.Data.Providers;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Hosting.OpenApi;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Providers;

public static class ProvidersApi
{
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/providers").WithTags("Providers");
        group.MapGet("", ListProviders).WithName("ListProviders").RequireAuthorization(Policies.Read)
            .WithSummary("Zorgaanbieders, filterbaar op tekst (naam, AGB-code, KvK-nummer), actief, OZJT top-16, contractmanager en gewijzigd sinds (updatedSince).");
        group.MapGet("/{id:long}", GetProvider).WithName("GetProvider").RequireAuthorization(Policies.Read).WithSummary("Eén zorgaanbieder.");
        group.MapPost("", CreateProvider).WithName("CreateProvider").RequireAuthorization(Policies.ContractWrite).WithSummary("Legt een zorgaanbieder vast.");
        group.MapPut("/{id:long}", ReplaceProvider).WithName("ReplaceProvider").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite).WithSummary("Vervangt de gegevens van een zorgaanbieder.");
        group.MapDelete("/{id:long}", DeleteProvider).WithName("DeleteProvider").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Verwijdert een zorgaanbieder zonder contracten.");
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<Provider>>, ValidationProblem>> ListProviders(
        HttpRequest request, ProviderRepository providers,
        string? q = null, bool? active = null, bool? ozjtTop16 = null, string? contractManager = null, DateTimeOffset? updatedSince = null,
        int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = new ProviderFilter(QueryReader.Text(q), active, ozjtTop16,
            QueryReader.Text(contractManager), QueryReader.Instant(updatedSince));
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        return TypedResults.Ok(PagedResponse<Provider>.From(await providers.SearchAsync(filter, paging), request));
    }

    public static async Task<Results<Ok<Provider>, ProblemHttpResult>> GetProvider(long id, HttpResponse response, ProviderRepository providers) =>
        await providers.ReadByIdAsync(id) is { } provider ? RowVersions.Ok(response, provider) : ApiProblems.NotFound($"Zorgaanbieder {id}");

    public static async Task<Results<Created<Provider>, ValidationProblem, ProblemHttpResult>> CreateProvider(
        ProviderInput input, ProviderRepository providers)
    {
        var errors = new ValidationErrors();
        var provider = input.ToProvider(0, errors);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await providers.ReadByAgbCodeAsync(provider.AgbCode) is not null)
        {
            return ApiProblems.Conflict($"Er is al een zorgaanbieder met AGB-code {provider.AgbCode}.");
        }
        var id = await providers.InsertAsync(provider);
        return TypedResults.Created($"{ApiConventions.BasePath}/providers/{id}", await providers.ReadByIdAsync(id));
    }

    public static async Task<Results<Ok<Provider>, ValidationProblem, ProblemHttpResult>> ReplaceProvider(
        long id, ProviderInput input, HttpContext http, ProviderRepository providers)
    {
        if (RowVersions.IfMatch(http.Request) is not { } rowVersion)
        {
            return ApiProblems.IfMatchRequired();
        }
        var errors = new ValidationErrors();
        var provider = input.ToProvider(id, errors) with { RowVersion = rowVersion };
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await providers.ReadByIdAsync(id) is null)
        {
            return ApiProblems.NotFound($"Zorgaanbieder {id}");
        }
        if (await providers.ReadByAgbCodeAsync(provider.AgbCode) is { } other && other.Id != id)
        {
            return ApiProblems.Conflict($"Er is al een zorgaanbieder met AGB-code {provider.AgbCode}.");
        }
        if (await providers.UpdateAsync(provider) is not WriteResult.Written and var refused)
        {
            return ApiProblems.NotWritten(refused, $"Zorgaanbieder {id}");
        }
        return RowVersions.Ok(http.Response, (await providers.ReadByIdAsync(id))!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteProvider(long id, HttpRequest request, ProviderRepository providers)
    {
        if (RowVersions.IfMatch(request) is not { } rowVersion)
        {
            return ApiProblems.IfMatchRequired();
        }
        if (await providers.ReadByIdAsync(id) is null)
        {
            return ApiProblems.NotFound($"Zorgaanbieder {id}");
        }
        // Contracts keep their provider for the history; such a provider can only be made inactive.
        if (await providers.CountContractsAsync(id) > 0)
        {
            return ApiProblems.Conflict("Deze zorgaanbieder heeft contracten en kan niet worden verwijderd; zet hem op inactief.");
        }
        return await providers.DeleteAsync(id, rowVersion) switch
        {
            WriteResult.Written => TypedResults.NoContent(),
            var refused => ApiProblems.NotWritten(refused, $"Zorgaanbieder {id}"),
        };
    }
}
