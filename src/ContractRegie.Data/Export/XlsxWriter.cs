using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ContractRegie.Data.Export;

/// <summary>
/// Writes an <see cref="ExportTable"/> as an .xlsx workbook of one sheet: dates as real dates (dd-mm-jjjj), amounts as
/// numbers in a euro format, the header row bold and frozen, an autofilter over the whole table. Text cells are inline
/// strings, never formulas, and pass <see cref="FormulaGuard"/> like the CSV. Rows are streamed into the sheet and through
/// the zip's compressor: memory holds a row, not the sheet.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint DateFormatId = 164, EuroFormatId = 165;
    private const uint DateStyle = 1, EuroStyle = 2, HeaderStyle = 3;

    /// <summary>
    /// Writes the workbook's parts one after another straight into a zip on <paramref name="stream"/>: the rows go through
    /// the compressor as they come. The Open XML SDK's own package keeps a part in memory until it is saved (on .NET its
    /// zip is opened for update), which took a national reconciliation's export to 900 MB.
    /// </summary>
    public static async Task WriteAsync(ExportTable table, Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var rowCount = await WriteSheetAsync(zip, table);
        var sheetName = table.Name.Length > 31 ? table.Name[..31] : table.Name;
        var workbook = new Workbook(
            new Sheets(new Sheet { Id = SheetRelationship, SheetId = 1, Name = sheetName }),
            // Excel keeps an autofilter's range in this hidden name as well.
            new DefinedNames(new DefinedName($"'{sheetName}'!$A$1:${ColumnName(table.Columns.Count)}${rowCount}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
            }));
        workbook.AddNamespaceDeclaration("r", RelationshipNamespace);
        WritePart(zip, WorkbookPath, workbook.WriteTo);
        WritePart(zip, StylesPath, Styles().WriteTo);
        WritePart(zip, "xl/_rels/workbook.xml.rels", writer => Relationships(writer,
            (SheetRelationship, RelationshipNamespace + "/worksheet", "worksheets/sheet1.xml"),
            ("rId2", RelationshipNamespace + "/styles", "styles.xml")));
        WritePart(zip, "_rels/.rels", writer => Relationships(writer, ("rId1", RelationshipNamespace + "/officeDocument", WorkbookPath)));
        WritePart(zip, "[Content_Types].xml", ContentTypes);
    }

    private const string WorkbookPath = "xl/workbook.xml", SheetPath = "xl/worksheets/sheet1.xml", StylesPath = "xl/styles.xml";
    private const string SheetRelationship = "rId1";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The sheet, its rows streamed in; returns how many rows it has, the header included.</summary>
    private static async Task<int> WriteSheetAsync(ZipArchive zip, ExportTable table)
    {
        await using var part = zip.CreateEntry(SheetPath).Open();
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
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
        var rowCount = 1;
        await foreach (var row in table.Rows)
        {
            rowCount++;
            WriteRow(writer, rowCount, row.Select((value, i) => ValueCell(table.Columns[i].Kind, value)));
        }
        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = Range(table.Columns.Count, rowCount) });
        writer.WriteEndElement();
        return rowCount;
    }

    private static void WritePart(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        using var part = zip.CreateEntry(path).Open();
        using var writer = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        writer.WriteStartDocument(true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void Relationships(XmlWriter writer, params (string Id, string Type, string Target)[] relationships)
    {
        writer.WriteStartElement("Relationships", PackageRelationshipNamespace);
        foreach (var (id, type, target) in relationships)
        {
            writer.WriteStartElement("Relationship", PackageRelationshipNamespace);
            writer.WriteAttributeString("Id", id);
            writer.WriteAttributeString("Type", type);
            writer.WriteAttributeString("Target", target);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static void ContentTypes(XmlWriter writer)
    {
        const string Namespace = "http://schemas.openxmlformats.org/package/2006/content-types";
        const string Spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        writer.WriteStartElement("Types", Namespace);
        foreach (var (extension, type) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
        {
            writer.WriteStartElement("Default", Namespace);
            writer.WriteAttributeString("Extension", extension);
            writer.WriteAttributeString("ContentType", type);
            writer.WriteEndElement();
        }
        foreach (var (path, type) in new[] { (WorkbookPath, "sheet.main+xml"), (SheetPath, "worksheet+xml"), (StylesPath, "styles+xml") })
        {
            writer.WriteStartElement("Override", Namespace);
            writer.WriteAttributeString("PartName", "/" + path);
            writer.WriteAttributeString("ContentType", Spreadsheet + type);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
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
