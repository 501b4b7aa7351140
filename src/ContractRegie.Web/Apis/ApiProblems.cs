using ContractRegie.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis;

/// <summary>The problem+json answers the endpoints give, worded once.</summary>
public static class ApiProblems
{
    public static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "De invoer is ongeldig.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Niet gevonden.", detail: $"{what} bestaat niet.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict met bestaande gegevens.", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
