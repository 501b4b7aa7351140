using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data;
using ContractRegie.Data.Audit;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Providers;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Hosting.OpenApi;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Contracts;

public sealed record RenewalDecisionResult(RenewalDecision Decision, Contract Contract);

public static class ContractsApi
{
    public const string Path = ApiConventions.BasePath + "/contracts";

    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Contracts");
        group.MapGet("", ListContracts).WithName("ListContracts").RequireAuthorization(Policies.Read)
            .WithSummary("Contracten met hun sleuteldata, filterbaar op soort, wet, status, zorgaanbieder, contractmanager, besluitdatum, einddatum, tekst en gewijzigd sinds (updatedSince).");
        group.MapGet("/{id:long}", GetContract).WithName("GetContract").RequireAuthorization(Policies.Read).WithSummary("Eén contract met zijn sleuteldata.");
        group.MapPost("", CreateContract).WithName("CreateContract").RequireAuthorization(Policies.ContractWrite).WithSummary("Legt een contract vast.");
        group.MapPut("/{id:long}", ReplaceContract).WithName("ReplaceContract").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite).WithSummary("Vervangt de gegevens van een contract.");
        group.MapGet("/{id:long}/extension-options", ListExtensionOptions).WithName("ListExtensionOptions").RequireAuthorization(Policies.Read)
            .WithDescription("Not paged: a contract has a handful of extension options.")
            .WithSummary("De verlengingsopties van een contract, op volgorde.");
        group.MapGet("/{id:long}/renewal-decisions", ListRenewalDecisions).WithName("ListRenewalDecisions").RequireAuthorization(Policies.Read)
            .WithDescription("Not paged: at most one decision per extension option or end of term.")
            .WithSummary("De besluiten over verlenging, oudste eerst.");
        group.MapPost("/{id:long}/renewal-decisions", RecordRenewalDecision).WithName("RecordRenewalDecision").RequireAuthorization(Policies.RenewalDecision)
            .WithSummary("Legt een besluit vast namens de ingelogde gebruiker, vandaag; verlengen licht de volgende optie en verschuift de sleuteldata. "
                + "Verlengen na de uiterste besluitdatum vraagt een verantwoording (lateJustification), na het huidige einde kan het niet meer. "
                + "Het besluit sluit de signaleringen die het beantwoordt.");
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<Contract>>, ValidationProblem>> ListContracts(
        HttpRequest request, ContractRepository contracts,
        ContractKind? kind = null, Law? law = null, ContractStatus? status = null, long? providerId = null, string? contractManager = null,
        QueryDate? decisionDueBefore = null, QueryDate? endsBefore = null, string? q = null, DateTimeOffset? updatedSince = null,
        int? page = null, int? pageSize = null)
    {
        var query = new QueryReader();
        var filter = new ContractFilter
        {
            Kind = query.Enum<ContractKind>("kind", kind),
            Law = query.Enum<Law>("law", law),
            Status = query.Enum<ContractStatus>("status", status),
            ProviderId = providerId,
            ContractManager = QueryReader.Text(contractManager),
            DecisionDueBefore = decisionDueBefore?.Value,
            EndsBefore = endsBefore?.Value,
            Text = QueryReader.Text(q),
            UpdatedSince = QueryReader.Instant(updatedSince),
        };
        var paging = query.Page(page, pageSize);
        if (!query.Errors.IsEmpty)
        {
            return ApiProblems.Invalid(query.Errors);
        }
        return TypedResults.Ok(PagedResponse<Contract>.From(await contracts.SearchAsync(filter, paging), request));
    }

    public static async Task<Results<Ok<Contract>, ProblemHttpResult>> GetContract(long id, HttpResponse response, ContractRepository contracts) =>
        await contracts.ReadByIdAsync(id) is { } contract ? RowVersions.Ok(response, contract) : ApiProblems.NotFound($"Contract {id}");

    public static async Task<Results<Created<Contract>, ValidationProblem, ProblemHttpResult>> CreateContract(
        ContractInput input, ContractRepository contracts, ProviderRepository providers, ProcurementLeadTimes leadTimes)
    {
        var errors = new ValidationErrors();
        var contract = input.ToContract(0, errors, leadTimes);
        await CheckProviderAsync(contract, providers, errors);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await contracts.ReadIdByNumberAsync(contract.ContractNumber) is not null)
        {
            return ApiProblems.Conflict($"Er is al een contract met nummer {contract.ContractNumber}.");
        }
        var id = await contracts.InsertAsync(contract);
        return TypedResults.Created($"{Path}/{id}", await contracts.ReadByIdAsync(id));
    }

    /// <summary>Which options are exercised is not replaced: only a renewal decision changes that.</summary>
    public static async Task<Results<Ok<Contract>, ValidationProblem, ProblemHttpResult>> ReplaceContract(
        long id, ContractInput input, HttpContext http, ContractRepository contracts, ProviderRepository providers, ProcurementLeadTimes leadTimes)
    {
        if (RowVersions.IfMatch(http.Request) is not { } rowVersion)
        {
            return ApiProblems.IfMatchRequired();
        }
        var errors = new ValidationErrors();
        var contract = input.ToContract(id, errors, leadTimes) with { RowVersion = rowVersion };
        await CheckProviderAsync(contract, providers, errors);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await contracts.ReadByIdAsync(id) is not { } stored)
        {
            return ApiProblems.NotFound($"Contract {id}");
        }
        if (await contracts.ReadIdByNumberAsync(contract.ContractNumber) is { } other && other != id)
        {
            return ApiProblems.Conflict($"Er is al een contract met nummer {contract.ContractNumber}.");
        }
        // A decision after this read raises the row version, so the write below then refuses rather than undo it.
        if (await contracts.UpdateAsync(contract.Replacing(stored)) is not WriteResult.Written and var refused)
        {
            return ApiProblems.NotWritten(refused, $"Contract {id}");
        }
        var updated = (await contracts.ReadByIdAsync(id))!;
        return RowVersions.Ok(http.Response, updated);
    }

    public static async Task<Results<Ok<IReadOnlyList<ExtensionOption>>, ProblemHttpResult>> ListExtensionOptions(
        long id, ContractRepository contracts) =>
        await contracts.ReadByIdAsync(id) is { } contract
            ? TypedResults.Ok(contract.ExtensionOptions)
            : ApiProblems.NotFound($"Contract {id}");

    public static async Task<Results<Ok<IReadOnlyList<RenewalDecision>>, ProblemHttpResult>> ListRenewalDecisions(
        long id, ContractRepository contracts) =>
        await contracts.ReadByIdAsync(id) is null
            ? ApiProblems.NotFound($"Contract {id}")
            : TypedResults.Ok(await contracts.ReadDecisionsAsync(id));

    public static async Task<Results<Created<RenewalDecisionResult>, ValidationProblem, ProblemHttpResult>> RecordRenewalDecision(
        long id, RenewalDecisionInput input, RenewalDecisions decisions) =>
        await decisions.RecordAsync(id, input) switch
        {
            RenewalDecisionOutcome.Recorded recorded => TypedResults.Created($"{Path}/{id}/renewal-decisions/{recorded.Decision.Id}",
                new RenewalDecisionResult(recorded.Decision, recorded.Contract)),
            RenewalDecisionOutcome.Invalid invalid => ApiProblems.Invalid(invalid.Errors),
            RenewalDecisionOutcome.Refused refused => ApiProblems.Conflict(refused.Reason),
            _ => ApiProblems.NotFound($"Contract {id}"),
        };

    private static async Task CheckProviderAsync(Contract contract, ProviderRepository providers, ValidationErrors errors)
    {
        if (contract.ProviderId > 0 && await providers.ReadByIdAsync(contract.ProviderId) is null)
        {
            errors.Add("providerId", $"Zorgaanbieder {contract.ProviderId} bestaat niet.");
        }
    }
}
