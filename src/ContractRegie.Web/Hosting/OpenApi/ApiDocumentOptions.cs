using Microsoft.Extensions.Options;

namespace ContractRegie.Web.Hosting.OpenApi;

/// <summary>The "Api" settings: what the OpenAPI document says about where the API lives and who runs it.</summary>
public sealed class ApiDocumentOptions
{
    public const string Section = "Api";

    /// <summary>
    /// The address clients use, including <c>/api/v1</c>: the document's <c>servers</c>. Configured rather than taken
    /// from the request, so a forged Host header cannot change what a generated client calls.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080" + ApiConventions.BasePath;

    public ApiContactOptions Contact { get; set; } = new();

    /// <summary>Why these settings cannot be used, or null. Outside Development the address must be https.</summary>
    public string? Problem(bool development) =>
        !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            ? $"{Section}:PublicBaseUrl '{PublicBaseUrl}' is not an absolute http(s) address."
        : !url.AbsolutePath.TrimEnd('/').EndsWith(ApiConventions.BasePath, StringComparison.Ordinal)
            ? $"{Section}:PublicBaseUrl must end with {ApiConventions.BasePath} (the API's major version)."
        : !development && url.Scheme != "https"
            ? $"{Section}:PublicBaseUrl must use https outside Development."
        : string.IsNullOrWhiteSpace(Contact.Name) || string.IsNullOrWhiteSpace(Contact.Email) || !Uri.IsWellFormedUriString(Contact.Url, UriKind.Absolute)
            ? $"{Section}:Contact needs a Name, an Email and an absolute Url."
        : null;
}

/// <summary>Who answers questions about the API (NLGov ADR: <c>info.contact</c> with name, e-mail and URL).</summary>
public sealed class ApiContactOptions
{
    public string Name { get; set; } = "Beheer ContractRegie";
    public string Email { get; set; } = "contractregie@gemeente.example";
    public string Url { get; set; } = "http://localhost:5080";
}

/// <summary>Stops the start with the reason when the "Api" settings cannot be used.</summary>
public sealed class ApiDocumentOptionsValidation(IHostEnvironment environment) : IValidateOptions<ApiDocumentOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiDocumentOptions options) =>
        options.Problem(environment.IsDevelopment()) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
