using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Hosting.OpenApi;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Contracts;

/// <summary>
/// Tariffs, budgets and outcome agreements are sub-resources of a contract with the same five operations;
/// <see cref="ContractTerm{TInput,T}"/> says what differs, <see cref="MapTerm{TInput,T}"/> maps them once.
/// </summary>
public static class ContractTermsApi
{
    public static IEndpointRouteBuilder MapContractTermsApi(this IEndpointRouteBuilder app)
    {
        MapTerm(app, ContractTerms.Tariffs);
        MapTerm(app, ContractTerms.Budgets);
        MapTerm(app, ContractTerms.Agreements);

        app.MapGet(ApiConventions.BasePath + "/outcome-agreement-defaults",
                () => TypedResults.Ok(OutcomeAgreement.Defaults))
            .WithTags("Contracts").WithName("ListOutcomeAgreementDefaults").RequireAuthorization(Policies.Read)
            .WithDescription("Not paged: a fixed list of national criteria and common KPIs.")
            .WithSummary("De standaard prestatieafspraken: de landelijke uitkomstcriteria jeugd en gangbare KPI's.");
        return app;
    }

    private static void MapTerm<TInput, T>(IEndpointRouteBuilder app, ContractTerm<TInput, T> term) where T : class, IVersioned
    {
        var group = app.MapGroup($"{ContractsApi.Path}/{{contractId:long}}/{term.Path}").WithTags("Contracts")
            .WithMetadata(term);
        group.MapGet("", ContractTermEndpoints<TInput, T>.List).WithName($"List{term.Name}s").RequireAuthorization(Policies.Read)
            .WithDescription("Not paged: the terms of one contract, a few dozen at most.");
        group.MapGet("/{id:long}", ContractTermEndpoints<TInput, T>.Get).WithName($"Get{term.Name}").RequireAuthorization(Policies.Read);
        group.MapPost("", ContractTermEndpoints<TInput, T>.Create).WithName($"Create{term.Name}").RequireAuthorization(Policies.ContractWrite);
        group.MapPut("/{id:long}", ContractTermEndpoints<TInput, T>.Replace).WithName($"Replace{term.Name}").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite);
        group.MapDelete("/{id:long}", ContractTermEndpoints<TInput, T>.Delete).WithName($"Delete{term.Name}").RequiresIfMatch().RequireAuthorization(Policies.ContractWrite);
    }
}

/// <summary>The five operations of a contract sub-resource; the endpoint's <see cref="ContractTerm{TInput,T}"/> metadata says which.</summary>
public static class ContractTermEndpoints<TInput, T> where T : class, IVersioned
{
    public static async Task<Results<Ok<IReadOnlyList<T>>, ProblemHttpResult>> List(
        long contractId, HttpContext http, ContractRepository contracts, ContractTermsRepository terms, DateTimeOffset? updatedSince = null) =>
        await contracts.ReadByIdAsync(contractId) is null
            ? ApiProblems.NotFound($"Contract {contractId}")
            : TypedResults.Ok(await TermOf(http).List(terms, contractId, QueryReader.Instant(updatedSince)));

    public static async Task<Results<Ok<T>, ProblemHttpResult>> Get(long contractId, long id, HttpContext http, ContractTermsRepository terms)
    {
        var term = TermOf(http);
        return await term.Read(terms, contractId, id) is { } found ? RowVersions.Ok(http.Response, found) : ApiProblems.NotFound($"{term.DutchName} {id}");
    }

    public static async Task<Results<Created<T>, ValidationProblem, ProblemHttpResult>> Create(
        long contractId, TInput input, HttpContext http, ContractRepository contracts, ContractTermsRepository terms)
    {
        var term = TermOf(http);
        var errors = new ValidationErrors();
        var item = term.ToDomain(input, contractId, 0, errors);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await contracts.ReadByIdAsync(contractId) is null)
        {
            return ApiProblems.NotFound($"Contract {contractId}");
        }
        if (await term.CheckStoredAsync(terms, item) is { IsEmpty: false } conflicts)
        {
            return ApiProblems.Invalid(conflicts);
        }
        var id = await term.Insert(terms, item);
        // Read back: the answer shows what was stored, its updatedAt included.
        return TypedResults.Created($"{ContractsApi.Path}/{contractId}/{term.Path}/{id}", await term.Read(terms, contractId, id));
    }

    public static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> Replace(
        long contractId, long id, TInput input, HttpContext http, ContractTermsRepository terms)
    {
        if (RowVersions.IfMatch(http.Request) is not { } rowVersion)
        {
            return ApiProblems.IfMatchRequired();
        }
        var term = TermOf(http);
        var errors = new ValidationErrors();
        var item = term.ToDomain(input, contractId, id, errors);
        if (!errors.IsEmpty || (errors = await term.CheckStoredAsync(terms, item)) is { IsEmpty: false })
        {
            return ApiProblems.Invalid(errors);
        }
        if (await term.Update(terms, item, rowVersion) is not WriteResult.Written and var refused)
        {
            return ApiProblems.NotWritten(refused, $"{term.DutchName} {id}");
        }
        var updated = (await term.Read(terms, contractId, id))!;
        return RowVersions.Ok(http.Response, updated);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(long contractId, long id, HttpContext http, ContractTermsRepository terms)
    {
        var term = TermOf(http);
        return await RowVersions.DeleteAsync(http.Request, rowVersion => term.Delete(terms, contractId, id, rowVersion), $"{term.DutchName} {id}");
    }

    private static ContractTerm<TInput, T> TermOf(HttpContext http) =>
        http.GetEndpoint()!.Metadata.GetRequiredMetadata<ContractTerm<TInput, T>>();
}

/// <summary>The contract's three kinds of terms, for the API and the pages that edit them.</summary>
public static class ContractTerms
{
    public static readonly ContractTerm<TariffInput, TariffLine> Tariffs = new("tariffs", "Tariff", "Tarief",
        (terms, contractId, updatedSince) => terms.ReadTariffsAsync(contractId, updatedSince: updatedSince), (terms, contractId, id) => terms.ReadTariffAsync(contractId, id),
        (input, contractId, id, errors) => input.ToTariff(contractId, id, errors),
        (terms, tariff) => terms.InsertTariffAsync(tariff), (terms, tariff, rowVersion) => terms.UpdateTariffAsync(tariff with { RowVersion = rowVersion }),
        (terms, contractId, id, rowVersion) => terms.DeleteTariffAsync(contractId, id, rowVersion),
        async (terms, tariff) => tariff.Validate(await terms.ReadTariffsAsync(tariff.ContractId)));

    public static readonly ContractTerm<BudgetInput, BudgetCeiling> Budgets = new("budgets", "Budget", "Budgetplafond",
        (terms, contractId, updatedSince) => terms.ReadBudgetsAsync(contractId, updatedSince), (terms, contractId, id) => terms.ReadBudgetAsync(contractId, id),
        (input, contractId, id, errors) => input.ToBudget(contractId, id, errors),
        (terms, budget) => terms.InsertBudgetAsync(budget), (terms, budget, rowVersion) => terms.UpdateBudgetAsync(budget with { RowVersion = rowVersion }),
        (terms, contractId, id, rowVersion) => terms.DeleteBudgetAsync(contractId, id, rowVersion));

    public static readonly ContractTerm<OutcomeAgreementInput, OutcomeAgreement> Agreements = new("outcome-agreements", "OutcomeAgreement",
        "Prestatieafspraak",
        (terms, contractId, updatedSince) => terms.ReadAgreementsAsync(contractId, updatedSince: updatedSince), (terms, contractId, id) => terms.ReadAgreementAsync(contractId, id),
        (input, contractId, id, errors) => input.ToAgreement(contractId, id, errors),
        (terms, agreement) => terms.InsertAgreementAsync(agreement), (terms, agreement, rowVersion) => terms.UpdateAgreementAsync(agreement with { RowVersion = rowVersion }),
        (terms, contractId, id, rowVersion) => terms.DeleteAgreementAsync(contractId, id, rowVersion));
}

/// <summary>What differs between the contract's sub-resources: path, names, mapping and repository calls.</summary>
public sealed record ContractTerm<TInput, T>(
    string Path,
    string Name,
    string DutchName,
    /// <summary>The contract's terms; with an instant, only those changed at or after it.</summary>
    Func<ContractTermsRepository, long, DateTimeOffset?, Task<IReadOnlyList<T>>> List,
    Func<ContractTermsRepository, long, long, Task<T?>> Read,
    Func<TInput, long, long, ValidationErrors, T> ToDomain,
    Func<ContractTermsRepository, T, Task<long>> Insert,
    /// <summary>Writes the term if its stored row version is still the one given.</summary>
    Func<ContractTermsRepository, T, long, Task<WriteResult>> Update,
    Func<ContractTermsRepository, long, long, long, Task<WriteResult>> Delete,
    /// <summary>The checks that need the contract's stored terms (overlapping tariffs); null when a term has none.</summary>
    Func<ContractTermsRepository, T, Task<ValidationErrors>>? ValidateAgainstStored = null)
{
    /// <summary>The errors <see cref="ValidateAgainstStored"/> finds; empty when the term has no such checks.</summary>
    public async Task<ValidationErrors> CheckStoredAsync(ContractTermsRepository terms, T item) =>
        ValidateAgainstStored is null ? new ValidationErrors() : await ValidateAgainstStored(terms, item);
}
