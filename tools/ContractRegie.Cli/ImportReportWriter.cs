using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Data.Import;

namespace ContractRegie.Cli;

/// <summary>The import report as the beheerder reads it: a summary, then one line per error.</summary>
public static class ImportReportWriter
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static async Task WriteAsync(ImportReport report, TextWriter output)
    {
        var what = RegisterImportFile.Of(report.Kind).DutchName;
        if (report.Succeeded)
        {
            await output.WriteLineAsync($"Import van {what} geslaagd: {report.RowsRead} regels gelezen, {report.Inserted} nieuw, "
                + $"{report.Updated} bijgewerkt, {report.Unchanged} ongewijzigd.");
            return;
        }
        await output.WriteLineAsync($"Import van {what} afgewezen: {report.Errors.Count} {(report.Errors.Count == 1 ? "fout" : "fouten")} "
            + $"in {report.RowsRead} regels gelezen. Er is niets opgeslagen.");
        await WriteErrorsAsync(report.Errors, output);
    }

    public static async Task WriteAsync(SpendingImportReport report, TextWriter output)
    {
        await output.WriteLineAsync(report.Outcome == SpendingImportOutcome.Imported
            ? $"Import van uitgaven ({report.Source}) geslaagd: {report.Message} Totaal {Money.ToEuros(report.TotalCents).ToString("N2", Dutch)} euro."
            : report.Message);
        await WriteErrorsAsync(report.Errors, output);
    }

    private static async Task WriteErrorsAsync(IEnumerable<ImportError> errors, TextWriter output)
    {
        foreach (var error in errors)
        {
            await output.WriteLineAsync(error.Field is null
                ? $"  regel {error.Line}: {error.Message}"
                : $"  regel {error.Line}, kolom {error.Field}: {error.Message}");
        }
    }
}
