using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ContractRegie.Data.Export;

/// <summary>
/// Writes an <see cref="ExportTable"/> as an .xlsx workbook of one sheet: dates as real dates (dd-mm-jjjj), amounts as
/// numbers in a euro format, the header row bold and frozen, an autofilter over the whole table. Text cells are inline
/// strings, never formulas, and pass <see cref="FormulaGuard"/> like the CSV. Rows are streamed into the sheet.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint DateFormatId = 164, EuroFormatId = 165;
    private const uint DateStyle = 1, EuroStyle = 2, HeaderStyle = 3;

    /// <summary>Writes to <paramref name="stream"/>, which must be seekable (a zip package); the caller copies it on.</summary>
    public static async Task WriteAsync(ExportTable table, Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var rowCount = 0;
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = true, WorkbookViewId = 0 }));
            writer.WriteElement(new Columns(table.Columns.Select((column, i) => new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true,
                Width = column.Kind switch { ExportKind.Date => 12, ExportKind.Euros => 16, ExportKind.Number => 10, _ => Math.Max(14, column.Header.Length + 4) },
            })));
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, table.Columns.Select(c => HeaderCell(c.Header)));
            rowCount = 1;
            await foreach (var row in table.Rows)
            {
                rowCount++;
                WriteRow(writer, rowCount, row.Select((value, i) => ValueCell(table.Columns[i].Kind, value)));
            }
            writer.WriteEndElement();
            writer.WriteElement(new AutoFilter { Reference = Range(table.Columns.Count, rowCount) });
            writer.WriteEndElement();
        }
        var sheetName = table.Name.Length > 31 ? table.Name[..31] : table.Name;
        workbookPart.Workbook = new Workbook(
            new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }),
            // Excel keeps an autofilter's range in this hidden name as well.
            new DefinedNames(new DefinedName($"'{sheetName}'!$A$1:${ColumnName(table.Columns.Count)}${rowCount}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
            }));
    }

    private static void WriteRow(OpenXmlWriter writer, int number, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(++column) + number.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell HeaderCell(string header) => TextCell(header, HeaderStyle);

    private static Cell ValueCell(ExportKind kind, object? value) => (kind, value) switch
    {
        (_, null) => new Cell(),
        (ExportKind.Date, DateOnly date) => NumberCell(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), DateStyle),
        (ExportKind.Euros, long cents) => NumberCell((cents / 100m).ToString(CultureInfo.InvariantCulture), EuroStyle),
        (ExportKind.Number, IFormattable number) => NumberCell(number.ToString(null, CultureInfo.InvariantCulture), 0),
        _ => TextCell(FormulaGuard.Neutralised(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""), 0),
    };

    private static Cell NumberCell(string invariantNumber, uint style) =>
        new(new CellValue(invariantNumber)) { DataType = CellValues.Number, StyleIndex = style };

    private static Cell TextCell(string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    private static string Range(int columns, int rows) => $"A1:{ColumnName(columns)}{rows.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>1 → A, 27 → AA.</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + (number - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd-mm-yyyy" },
            new NumberingFormat { NumberFormatId = EuroFormatId, FormatCode = "\"€\" #,##0.00;\"€\" -#,##0.00" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = EuroFormatId, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 4 });
}
