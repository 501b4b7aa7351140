using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractRegie.Web.Hosting;

/// <summary>
/// Every problem answer has a Dutch title and a detail. Our own answers set both; the framework's (an unknown path,
/// a missing session, a wrong method or content type, the rate limiter) come with an English reason phrase and no detail.
/// </summary>
public static class ProblemTexts
{
    private static readonly Dictionary<int, (string Title, string Detail)> ByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = ("De invoer is ongeldig.", "Zie errors: per veld wat er niet klopt."),
        [StatusCodes.Status401Unauthorized] = ("Niet aangemeld.", "Meld u aan (POST /api/v1/sessions) of stuur een geldig toegangstoken mee."),
        [StatusCodes.Status403Forbidden] = ("Geen toegang.", "Uw rol geeft geen toegang tot deze handeling."),
        [StatusCodes.Status404NotFound] = ("Niet gevonden.", "Deze resource bestaat niet."),
        [StatusCodes.Status405MethodNotAllowed] = ("Methode niet toegestaan.", "Deze resource kent deze HTTP-methode niet; zie het OpenAPI-document."),
        [StatusCodes.Status406NotAcceptable] = ("Formaat niet beschikbaar.", "Deze resource kan niet antwoorden in het gevraagde formaat."),
        [StatusCodes.Status409Conflict] = ("Conflict met bestaande gegevens.", "De wijziging botst met bestaande gegevens."),
        [StatusCodes.Status412PreconditionFailed] = ("Intussen gewijzigd.", "Haal de resource opnieuw op en breng de wijziging daarin aan."),
        [StatusCodes.Status413PayloadTooLarge] = ("Te groot.", "Het verzoek is groter dan toegestaan."),
        [StatusCodes.Status415UnsupportedMediaType] = ("Formaat niet ondersteund.", "Stuur de inhoud met een Content-Type dat deze resource aanneemt; zie het OpenAPI-document."),
        [StatusCodes.Status422UnprocessableEntity] = ("Niet verwerkt.", "De inhoud klopt niet; er is niets opgeslagen."),
        [StatusCodes.Status428PreconditionRequired] = ("If-Match ontbreekt.", "Stuur de ETag van de laatste GET mee in If-Match."),
        [StatusCodes.Status429TooManyRequests] = ("Te veel verzoeken.", "Wacht even en probeer het dan opnieuw."),
        [StatusCodes.Status500InternalServerError] = ("Er ging iets mis aan onze kant.", "De fout is vastgelegd; probeer het later opnieuw."),
        [StatusCodes.Status503ServiceUnavailable] = ("Tijdelijk niet beschikbaar.", "Probeer het later opnieuw."),
    };

    /// <param name="bodyContentTypes">What the endpoint takes as its body (<see cref="BodyContentTypes"/>): a 415 names them.</param>
    public static void Complete(ProblemDetails problem, IReadOnlyList<string> bodyContentTypes)
    {
        var texts = problem.Status is { } status && ByStatus.TryGetValue(status, out var known) ? known : default;
        if (texts.Title is not null && (problem.Title is null || IsFrameworkDefault(problem.Title, problem.Status!.Value)))
        {
            problem.Title = texts.Title;
        }
        if (problem.Status == StatusCodes.Status415UnsupportedMediaType && bodyContentTypes.Count > 0)
        {
            problem.Detail ??= $"Stuur de inhoud als {string.Join(" of ", bodyContentTypes)}.";
        }
        problem.Detail ??= texts.Detail ?? problem.Title;
    }

    private static bool IsFrameworkDefault(string title, int status) =>
        title == ReasonPhrases.GetReasonPhrase(status) || title is "One or more validation errors occurred." or "An error occurred while processing your request.";
}
