using System.Text;
using ContractRegie.Data.Export;
using ContractRegie.Data.Import;
using ContractRegie.Web.Pages;
using Microsoft.AspNetCore.Mvc;

namespace ContractRegie.Web.Exports;

/// <summary>Sends an <see cref="ExportTable"/> as a download: CSV the way Dutch Excel reads it, or an .xlsx workbook.</summary>
public static class ExportResponse
{
    /// <summary>A list page's export handler: <paramref name="format"/> from the query (CSV when absent), 400 for an unknown one.</summary>
    public static async Task<IActionResult> FromPageAsync(HttpResponse response, string? format, Func<Task<ExportTable>> table)
    {
        var exportFormat = ExportFormat.Csv;
        if (format is not null && !(Enum.TryParse(format, ignoreCase: true, out exportFormat) && Enum.IsDefined(exportFormat)))
        {
            return new BadRequestResult();
        }
        await WriteAsync(response, await table(), exportFormat);
        return new EmptyResult();
    }

    /// <summary>The export of a list page as filtered and ordered there: its "Export" handler, without the page number or an open form.</summary>
    public static string LinkFor(HttpRequest request, ExportFormat format) =>
        ListLinks.With(request, ("handler", "Export"), ("format", format.ToString().ToLowerInvariant()), (ListLinks.PageKey, null), ("decide", null));

    public static async Task WriteAsync(HttpResponse response, ExportTable table, ExportFormat format)
    {
        var extension = format == ExportFormat.Xlsx ? "xlsx" : "csv";
        response.Headers.ContentDisposition = $"attachment; filename=\"{table.Name}.{extension}\"";
        if (format == ExportFormat.Xlsx)
        {
            response.ContentType = XlsxWriter.ContentType;
            // Built in a temporary file first: the download then has its length, and an export that fails halfway answers
            // with an error instead of half a workbook.
            await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await XlsxWriter.WriteAsync(table, file);
            file.Position = 0;
            response.ContentLength = file.Length;
            await file.CopyToAsync(response.Body);
            return;
        }
        response.ContentType = "text/csv; charset=utf-8";
        // A byte-order mark makes Excel read the file as UTF-8.
        await response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray());
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), leaveOpen: true);
        await new CsvWriter(writer).WriteTableAsync(table);
    }
}
