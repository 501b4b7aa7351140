using ContractRegie.Data.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractRegie.Web.Pages.Importeren;

/// <summary>
/// Uploading one kind of file (<see cref="ImportChoice"/>) and reading the report on screen. The importers are the
/// API's: all or nothing, each row's problems by line and column, the same file again changes nothing.
/// </summary>
[ImportGate]
public sealed class BestandModel(RegisterImporter registerImporter, SpendingImporter spendingImporter) : PageModel
{
    public ImportChoice Choice { get; private set; } = null!;
    /// <summary>Set after a redirect from <see cref="ImportGateAttribute"/>: the file was over the limit.</summary>
    [BindProperty(SupportsGet = true)] public bool TeGroot { get; set; }
    public string? FileError { get; private set; }
    /// <summary>The ids of the file's error messages on show, for aria-describedby; null when there is none.</summary>
    public string? FileErrorIds =>
        string.Join(' ', new[] { FileError is null ? null : "bestand-fout", TeGroot ? "bestand-te-groot" : null }.OfType<string>()) is { Length: > 0 } ids
            ? ids
            : null;
    public ImportReport? RegisterReport { get; private set; }
    public SpendingImportReport? SpendingReport { get; private set; }

    public IReadOnlyList<ImportError> Errors => RegisterReport?.Errors ?? SpendingReport?.Errors ?? [];

    public void OnGet(string soort) => Choice = ImportChoice.Find(soort)!;

    public async Task<IActionResult> OnPostAsync(string soort, IFormFile? bestand, CancellationToken cancellationToken)
    {
        Choice = ImportChoice.Find(soort)!;
        if (bestand is null || bestand.Length == 0)
        {
            FileError = "Kies een bestand om in te lezen.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await using var file = bestand.OpenReadStream();
        if (Choice.RegisterKind is { } kind)
        {
            RegisterReport = await registerImporter.ImportAsync(kind, file, cancellationToken);
        }
        else
        {
            SpendingReport = await spendingImporter.ImportAsync(file, Path.GetFileName(bestand.FileName), cancellationToken);
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }
}
