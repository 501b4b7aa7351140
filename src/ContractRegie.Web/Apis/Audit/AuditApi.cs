using ContractRegie.Core.Common;
using ContractRegie.Data.Audit;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiConventions.BasePath + "/audit-entries", ListAuditEntries).WithTags("Audit").WithName("ListAuditEntries")
            .WithSummary("De audittrail, nieuwste eerst: wie, wanneer, wat, en de gegevens ervoor en erna.")
            .RequireAuthorization(Policies.Audit);
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<AuditEntry>>, ValidationProblem>> ListAuditEntries(
        HttpRequest request, AuditTrail audit,
        string? entity = null, string? entityId = null, string? actor = null, QueryDate? from = null, QueryDate? until = null,
        int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = new AuditFilter(QueryReader.Text(entity), QueryReader.Text(entityId), QueryReader.Text(actor),
            from is { } first ? MunicipalClock.StartOf(first.Value) : null,
            until is { } last ? MunicipalClock.StartOf(last.Value.AddDays(1)) : null);
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        return TypedResults.Ok(PagedResponse<AuditEntry>.From(await audit.SearchAsync(filter, paging), request));
    }
}
