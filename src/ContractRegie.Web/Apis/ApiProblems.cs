using ContractRegie.Core.Common;
using ContractRegie.Data;
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

    public static ProblemHttpResult IfMatchRequired() =>
        TypedResults.Problem(title: "If-Match ontbreekt.",
            detail: "Stuur de ETag van de laatste GET mee in If-Match, zodat geen wijziging van een ander ongemerkt verloren gaat.",
            statusCode: StatusCodes.Status428PreconditionRequired);

    public static ProblemHttpResult Stale(string what) =>
        TypedResults.Problem(title: "Intussen gewijzigd.",
            detail: $"{what} is gewijzigd sinds de ETag in If-Match; haal het opnieuw op en breng de wijziging daarin aan.",
            statusCode: StatusCodes.Status412PreconditionFailed);

    /// <summary>A body of a content type the endpoint does not take; the detail names those it does (ProblemTexts).</summary>
    public static ProblemHttpResult UnsupportedContentType() => TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType);

    /// <summary>Why a guarded write did not happen: the row changed since If-Match (412), or it is gone (404).</summary>
    public static ProblemHttpResult NotWritten(WriteResult result, string what) => result == WriteResult.Stale ? Stale(what) : NotFound(what);
}
