using System.Text.Json.Nodes;
using ContractRegie.Core.Common;
using ContractRegie.Data;
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
            .WithSummary("De audittrail, nieuwste eerst: wie, wanneer, wat, en de gegevens ervoor en erna; action=Delete geeft wat verwijderd is.")
            .RequireAuthorization(Policies.Audit);
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<AuditRecord>>, ValidationProblem>> ListAuditEntries(
        HttpRequest request, AuditTrail audit,
        string? entity = null, string? entityId = null, string? actor = null, QueryDate? from = null, QueryDate? until = null,
        AuditAction? action = null, int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = new AuditFilter(QueryReader.Text(entity), QueryReader.Text(entityId), QueryReader.Text(actor),
            QueryReader.Instant(from is { } first ? MunicipalClock.StartOf(first.Value) : null),
            QueryReader.Instant(until is { } last ? MunicipalClock.StartOf(last.Value.AddDays(1)) : null),
            query.Enum<AuditAction>("action", action));
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        var found = await audit.SearchAsync(filter, paging);
        var records = new Page<AuditRecord>(found.Items.Select(AuditRecord.From).ToList(), found.PageNumber, found.PageSize, found.TotalCount);
        return TypedResults.Ok(PagedResponse<AuditRecord>.From(records, request));
    }
}

/// <summary>An audit entry as the API answers it: the record before and after as the JSON objects they are, not as text.</summary>
public sealed record AuditRecord(
    long Id, DateTimeOffset OccurredAt, string Actor, AuditAction Action, string Entity, string EntityId, JsonObject? BeforeData, JsonObject? AfterData)
{
    public static AuditRecord From(AuditEntry entry) => new(entry.Id, entry.OccurredAt, entry.Actor, entry.Action, entry.Entity, entry.EntityId,
        Parse(entry.BeforeData), Parse(entry.AfterData));

    private static JsonObject? Parse(string? json) => json is null ? null : JsonNode.Parse(json)?.AsObject();
}
