using ContractRegie.Core.Common;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Spending;
using ContractRegie.Web.Hosting.OpenApi;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Contracts;

public sealed record BudgetShareInput(string? MunicipalityCode, decimal? Percent);

public sealed record BudgetShareKeyInput(IReadOnlyList<BudgetShareInput>? Shares)
{
    public BudgetShareKey ToKey(long contractId, ValidationErrors errors)
    {
        errors.AddIf(Shares is null, "shares", "Is verplicht.");
        return new BudgetShareKey
        {
            ContractId = contractId,
            Shares = (Shares ?? []).Select((share, i) =>
                new BudgetShare(share.MunicipalityCode?.Trim() ?? "", Required.Value(share.Percent, $"shares[{i}].percent", errors))).ToList(),
        };
    }
}

/// <summary>
/// The share key (verdeelsleutel) of a regional OZJT contract: one resource per contract, created once, then replaced
/// whole under If-Match, so the percentages always add up to 100 together.
/// </summary>
public static class BudgetShareKeyApi
{
    private const string What = "De verdeelsleutel van contract";

    public static IEndpointRouteBuilder MapBudgetShareKeyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"{ContractsApi.Path}/{{contractId:long}}/budget-share-key").WithTags("Contracts");
        group.MapGet("", Get).WithName("GetBudgetShareKey").RequireAuthorization(Policies.Read)
            .WithSummary("De verdeelsleutel van een regionaal OZJT-contract: het aandeel van elke gemeente in het budget, in procenten.");
        group.MapPost("", Create).WithName("CreateBudgetShareKey").RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Legt de verdeelsleutel vast; de aandelen tellen op tot 100 %. Een contract heeft er één (daarna PUT).");
        group.MapPut("", Replace).WithName("ReplaceBudgetShareKey").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Vervangt de hele verdeelsleutel.");
        group.MapDelete("", Delete).WithName("DeleteBudgetShareKey").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite)
            .WithSummary("Verwijdert de verdeelsleutel; de budgetplafonds gelden dan weer per gemeente.");
        return app;
    }

    public static async Task<Results<Ok<BudgetShareKey>, ProblemHttpResult>> Get(long contractId, HttpResponse response, BudgetShareKeyRepository keys) =>
        await keys.ReadByContractAsync(contractId) is { } key ? RowVersions.Ok(response, key) : ApiProblems.NotFound($"{What} {contractId}");

    public static async Task<Results<Created<BudgetShareKey>, ValidationProblem, ProblemHttpResult>> Create(
        long contractId, BudgetShareKeyInput input, HttpResponse response, ContractRepository contracts, BudgetShareKeyRepository keys)
    {
        if (await contracts.ReadByIdAsync(contractId) is not { } contract)
        {
            return ApiProblems.NotFound($"Contract {contractId}");
        }
        var errors = new ValidationErrors();
        var key = input.ToKey(contractId, errors);
        if (!errors.Merge(key.Validate(contract.Kind)).IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await keys.ReadByContractAsync(contractId) is not null)
        {
            return ApiProblems.Conflict($"{What} {contractId} bestaat al; vervang die met PUT.");
        }
        await keys.InsertAsync(key);
        var created = (await keys.ReadByContractAsync(contractId))!;
        response.Headers.ETag = RowVersions.ETag(created.RowVersion);
        return TypedResults.Created($"{ContractsApi.Path}/{contractId}/budget-share-key", created);
    }

    public static async Task<Results<Ok<BudgetShareKey>, ValidationProblem, ProblemHttpResult>> Replace(
        long contractId, BudgetShareKeyInput input, HttpContext http, ContractRepository contracts, BudgetShareKeyRepository keys)
    {
        if (RowVersions.IfMatch(http.Request) is not { } rowVersion)
        {
            return ApiProblems.IfMatchRequired();
        }
        if (await contracts.ReadByIdAsync(contractId) is not { } contract || await keys.ReadByContractAsync(contractId) is not { } stored)
        {
            return ApiProblems.NotFound($"{What} {contractId}");
        }
        var errors = new ValidationErrors();
        var key = input.ToKey(contractId, errors) with { Id = stored.Id, RowVersion = rowVersion };
        if (!errors.Merge(key.Validate(contract.Kind)).IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await keys.UpdateAsync(key) is not Data.WriteResult.Written and var refused)
        {
            return ApiProblems.NotWritten(refused, $"{What} {contractId}");
        }
        return RowVersions.Ok(http.Response, (await keys.ReadByContractAsync(contractId))!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(long contractId, HttpRequest request, BudgetShareKeyRepository keys) =>
        await keys.ReadByContractAsync(contractId) is { } stored
            ? await RowVersions.DeleteAsync(request, rowVersion => keys.DeleteAsync(stored.Id, rowVersion), $"{What} {contractId}")
            : ApiProblems.NotFound($"{What} {contractId}");
}
