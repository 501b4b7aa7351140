using System.Globalization;

namespace ContractRegie.Web.Security;

/// <summary>
/// The largest file an import takes, through the API or the upload page alike (Limits:MaxImportBytes, default 100 MB:
/// a year of a municipality's spending lines). JSON bodies keep the much smaller Limits:MaxRequestBodyBytes.
/// </summary>
public sealed record ImportLimit(long MaxBytes)
{
    public const long DefaultBytes = 100L * 1024 * 1024;

    public static ImportLimit From(IConfiguration settings) => new(settings.GetValue("Limits:MaxImportBytes", DefaultBytes));

    /// <summary>"100 MB", "1 GB", for the people who must split a file.</summary>
    public string Text => MaxBytes >= 1L << 30
        ? string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"{MaxBytes / (double)(1L << 30):0.#} GB")
        : string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"{MaxBytes / (double)(1L << 20):0.#} MB");
}
