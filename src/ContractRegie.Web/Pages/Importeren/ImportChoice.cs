using System.Security.Claims;
using ContractRegie.Data.Import;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace ContractRegie.Web.Pages.Importeren;

/// <summary>
/// A file people can upload on /importeren/{Slug}: who may (the same policy as the API's import) and which importer
/// reads it (the size limit is the API's <see cref="ImportLimit"/>): the register importer for <see cref="RegisterKind"/>, else the
/// spending importer.
/// </summary>
public sealed record ImportChoice(string Slug, string Title, string Description, string Policy, RegisterImportKind? RegisterKind)
{
    public static readonly IReadOnlyList<ImportChoice> All =
    [
        .. RegisterImportFile.All.Select(file => new ImportChoice(file.DutchName, char.ToUpperInvariant(file.DutchName[0]) + file.DutchName[1..],
            file.Description, Policies.ContractWrite, file.Kind)),
        new("uitgaven", "Uitgaven",
            "Een CSV-bestand van de financiële administratie of een WMO323/JW323-declaratiebericht. BSN's worden bij inlezen vervangen door een pseudoniem.",
            Policies.Finance, null),
    ];

    public IReadOnlyList<ImportColumn> Columns => RegisterKind is { } kind ? RegisterColumns.For(kind) : SpendingColumns.All;

    public static ImportChoice? Find(string? slug) => All.FirstOrDefault(c => c.Slug == slug);

    public static async Task<IReadOnlyList<ImportChoice>> AllowedAsync(IAuthorizationService authorization, ClaimsPrincipal user)
    {
        var allowed = new List<ImportChoice>();
        foreach (var choice in All)
        {
            if ((await authorization.AuthorizeAsync(user, choice.Policy)).Succeeded)
            {
                allowed.Add(choice);
            }
        }
        return allowed;
    }
}
