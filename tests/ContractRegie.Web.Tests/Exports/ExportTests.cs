using System.Net;
using System.Text;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static ContractRegie.Web.Tests.Infrastructure.ApiClient;

namespace ContractRegie.Web.Tests.Exports;

/// <summary>
/// Every export as .xlsx read back with the Open XML SDK (typed cells, frozen header, autofilter) and as CSV, with a
/// provider whose name is a formula and an invoice number that is one: neither may arrive as a formula (issue 16).
/// Dates as spreadsheet serials, counted by hand from 01-01-2024 = 45292.
/// </summary>
public sealed class ExportTests(ContractRegieApp app) : SignedInTest(app, Role.Financien)
{
    private const string Formula = "=HYPERLINK(\"http://example.org\",\"Zorg\")";
    private const double Jan1st2024 = 45292, Dec31st2026 = 46387, Jun30th2026 = 46203, Feb1st2026 = 46054;

    private async Task<(string Number, string Agb, long Wmo)> RegisterWithFormulaProviderAsync()
    {
        var (agb, wmo, _) = await App.CreateSpendingContractsAsync();
        var manager = await App.CreateClientAsAsync(Role.Contractmanager);
        using var contract = await manager.GetJsonAsync($"/api/v1/contracts/{wmo}");
        var providerId = contract.RootElement.GetProperty("providerId").GetInt64();
        var provider = ProviderBody(agb);
        provider["name"] = Formula;
        Assert.Equal(HttpStatusCode.OK, (await manager.PutMatchingAsync($"/api/v1/providers/{providerId}", provider)).StatusCode);
        // 2 hours at € 72,50, and a product without a tariff line: an exception with a formula for an invoice number.
        var csv = "agb_code;gemeente;wet;productcategorie;productcode;begindatum;einddatum;volume;eenheid;bedrag;debet_credit;factuurnummer\r\n"
            + $"{agb};0141;Wmo;45;45A53;01-02-2026;28-02-2026;2;uur;145,00;;F-1\r\n"
            + $"{agb};0141;Wmo;45;45A99;01-02-2026;28-02-2026;1;stuk;50,00;;@SUM(1+1)\r\n";
        (await Client.PostAsync("/api/v1/spending-imports", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        return (contract.RootElement.GetProperty("contractNumber").GetString()!, agb, wmo);
    }

    [Fact]
    public async Task The_register_and_the_planner_as_xlsx_have_real_dates_a_frozen_filtered_header_and_the_formula_name_as_text()
    {
        var (number, _, _) = await RegisterWithFormulaProviderAsync();

        foreach (var url in new[] { $"/contracten?handler=Export&format=xlsx&q={number}", "/verlengingen?handler=Export&format=xlsx" })
        {
            using var sheet = await XlsxAsync(url);
            Assert.Equal(["contractnummer", "omschrijving", "zorgaanbieder"], sheet.Row(1).Take(3).Select(c => sheet.Text(c)));
            var row = sheet.RowOf(number);
            Assert.Equal(Formula.Insert(0, "'"), sheet.Text(row[2]));
            Assert.Equal(CellValues.InlineString, row[2].DataType!.Value);
            Assert.Equal((Jan1st2024, "dd-mm-yyyy"), sheet.Number(row[7]));
            Assert.Equal((Dec31st2026, "dd-mm-yyyy"), sheet.Number(row[9]));
            Assert.Equal((0d, "General"), sheet.Number(row[11]));
            Assert.Null(row[12].CellValue);
            Assert.Equal((Jun30th2026, "dd-mm-yyyy"), sheet.Number(row[13]));
            sheet.AssertFrozenHeaderAndFilter(columns: "Q");
        }
    }

    [Fact]
    public async Task The_reconciliation_and_the_exceptions_as_xlsx_have_amounts_in_euros_and_neutralised_text()
    {
        var (_, agb, wmo) = await RegisterWithFormulaProviderAsync();

        using (var reconciliation = await XlsxAsync($"/api/v1/reconciliation/export?year=2026&contractId={wmo}&format=Xlsx"))
        {
            var row = reconciliation.Row(2);
            Assert.Equal(Formula.Insert(0, "'"), reconciliation.Text(row[4]));
            var (budget, euroFormat) = reconciliation.Number(row[7]);
            Assert.Equal(1000d, budget);
            Assert.Contains("€", euroFormat, StringComparison.Ordinal);
            Assert.Equal((145d, euroFormat), reconciliation.Number(row[8]));
            reconciliation.AssertFrozenHeaderAndFilter(columns: "P");
        }
        using (var exceptions = await XlsxAsync($"/api/v1/spending-exceptions/export?providerAgbCode={agb}&format=Xlsx"))
        {
            var row = exceptions.Row(2);
            Assert.Equal("'@SUM(1+1)", exceptions.Text(row[14]));
            Assert.Equal(50d, exceptions.Number(row[12]).Value);
            Assert.Contains("€", exceptions.Number(row[12]).Format, StringComparison.Ordinal);
            Assert.Equal((Feb1st2026, "dd-mm-yyyy"), exceptions.Number(row[8]));
            exceptions.AssertFrozenHeaderAndFilter(columns: "S");
        }
    }

    [Fact]
    public async Task Every_csv_export_writes_the_formula_name_as_text()
    {
        var (number, agb, wmo) = await RegisterWithFormulaProviderAsync();
        var quoted = "\"'=HYPERLINK(\"\"http://example.org\"\",\"\"Zorg\"\")\"";

        Assert.Contains(quoted, await CsvLineAsync($"/contracten?handler=Export&format=csv&q={number}", number), StringComparison.Ordinal);
        Assert.Contains(quoted, await CsvLineAsync("/verlengingen?handler=Export&format=csv", number), StringComparison.Ordinal);
        Assert.Contains(quoted, await CsvLineAsync($"/api/v1/reconciliation/export?year=2026&contractId={wmo}", "2026;"), StringComparison.Ordinal);
        Assert.Contains(";'@SUM(1+1);", await CsvLineAsync($"/api/v1/spending-exceptions/export?providerAgbCode={agb}", agb), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_refused()
    {
        await (await Client.GetAsync("/api/v1/reconciliation/export?format=pdf")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/verlengingen?handler=Export&format=pdf")).StatusCode);
    }

    private async Task<string> CsvLineAsync(string url, string containing)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        return (await response.Content.ReadAsStringAsync()).Split("\r\n").Single(line => line.Contains(containing, StringComparison.Ordinal));
    }

    private async Task<Workbook> XlsxAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        return new Workbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>The first sheet of an .xlsx as the Open XML SDK reads it.</summary>
    private sealed class Workbook : IDisposable
    {
        private readonly SpreadsheetDocument _document;
        private readonly Worksheet _sheet;
        private readonly Stylesheet _styles;

        public Workbook(Stream stream)
        {
            _document = SpreadsheetDocument.Open(stream, false);
            // What Excel would refuse or "repair": the package and every part against the Office schemas.
            var errors = new OpenXmlValidator().Validate(_document).Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var part = _document.WorkbookPart!;
            _sheet = part.WorksheetParts.Single().Worksheet;
            _styles = part.WorkbookStylesPart!.Stylesheet;
            Assert.Empty(_sheet.Descendants<CellFormula>());
        }

        public List<Cell> Row(int number) => _sheet.Descendants<Row>().Single(r => r.RowIndex! == (uint)number).Elements<Cell>().ToList();

        public List<Cell> RowOf(string firstCell) =>
            _sheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).Single(cells => Text(cells[0]) == firstCell);

        public string Text(Cell cell)
        {
            Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
            return cell.InlineString!.InnerText;
        }

        /// <summary>A numeric cell's value and its number format code.</summary>
        public (double Value, string Format) Number(Cell cell)
        {
            Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is not a number");
            var formatId = ((CellFormat)_styles.CellFormats!.ElementAt((int)(cell.StyleIndex?.Value ?? 0))).NumberFormatId?.Value ?? 0;
            var format = formatId == 0 ? "General"
                : _styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == formatId).FormatCode!.Value!;
            return (double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), format);
        }

        public void AssertFrozenHeaderAndFilter(string columns)
        {
            var pane = _sheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.Equal(1d, pane.VerticalSplit!.Value);
            var rows = _sheet.Descendants<Row>().Count();
            Assert.Equal($"A1:{columns}{rows}", _sheet.Elements<AutoFilter>().Single().Reference!.Value);
        }

        public void Dispose() => _document.Dispose();
    }
}
