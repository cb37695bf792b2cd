using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Talka.Web.Infrastructure.Spreadsheets;

/// <summary>
/// An XLSX template to fill in: the data sheet first (only its headers, so that nothing is imported by mistake), a
/// sheet of the lists each coded column takes, offered as a drop-down list on that column (a warning, not a refusal,
/// for a value typed otherwise: the import understands loose values), and an instructions sheet with an example row.
/// MiniExcel writes the sheets; the data validations are added to the data sheet's XML afterwards.
/// </summary>
public static class XlsxTemplate
{
    /// <summary>How many rows of the data sheet carry the drop-down lists.</summary>
    public const int Rows = 10_000;

    public static byte[] Create(
        string dataSheet,
        IReadOnlyList<string> headers,
        IReadOnlyList<TemplateColumnList> lists,
        string listsSheet,
        string instructionsSheet,
        IReadOnlyList<string> instructions,
        IReadOnlyList<string?> example,
        string exampleTitle
    )
    {
        var columns = Enumerable.Range(0, headers.Count).Select(Column).ToArray();
        Dictionary<string, object?> Row(IEnumerable<object?> values)
        {
            var row = columns.ToDictionary(c => c, _ => (object?)null);
            var i = 0;
            foreach (var value in values)
                row[Column(i++)] = value;
            return row;
        }
        var width = Math.Max(lists.Count, 1);
        var longest = lists.Count == 0 ? 0 : lists.Max(l => l.Values.Count);
        var listRows = new List<Dictionary<string, object?>>
        {
            ListRow(lists.Select(l => (object?)headers[l.Column]), width),
        };
        for (var r = 0; r < longest; r++)
            listRows.Add(ListRow(lists.Select(l => (object?)(r < l.Values.Count ? l.Values[r] : null)), width));
        var instructionRows = instructions.Select(text => Row([text])).ToList();
        instructionRows.Add(Row([]));
        instructionRows.Add(Row([exampleTitle]));
        instructionRows.Add(Row(headers));
        instructionRows.Add(Row(example));

        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            [dataSheet] = new[] { Row(headers) },
            [listsSheet] = listRows,
            [instructionsSheet] = instructionRows,
        };
        stream.SaveAs(
            sheets,
            printHeader: false,
            configuration: new OpenXmlConfiguration { AutoFilter = false, FreezeRowCount = 1 }
        );
        return AddValidations(stream.ToArray(), lists, listsSheet);
    }

    private static Dictionary<string, object?> ListRow(IEnumerable<object?> values, int width)
    {
        var row = Enumerable.Range(0, width).ToDictionary(Column, _ => (object?)null);
        var i = 0;
        foreach (var value in values)
            row[Column(i++)] = value;
        return row;
    }

    /// <summary>Adds a list validation to the first sheet for each list: column c takes the values in column i of the
    /// lists sheet.</summary>
    private static byte[] AddValidations(byte[] workbook, IReadOnlyList<TemplateColumnList> lists, string listsSheet)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry =
                zip.GetEntry("xl/worksheets/sheet1.xml")
                ?? throw new InvalidOperationException("The workbook has no first sheet.");
            XDocument sheet;
            using (var read = entry.Open())
                sheet = XDocument.Load(read);
            var root = sheet.Root!;
            var ns = root.Name.Namespace;
            var validations = new XElement(ns + "dataValidations", new XAttribute("count", lists.Count));
            for (var i = 0; i < lists.Count; i++)
            {
                var target = Column(lists[i].Column);
                var source = Column(i);
                validations.Add(
                    new XElement(
                        ns + "dataValidation",
                        new XAttribute("type", "list"),
                        new XAttribute("errorStyle", "warning"),
                        new XAttribute("allowBlank", "1"),
                        new XAttribute("showErrorMessage", "1"),
                        new XAttribute("sqref", $"{target}2:{target}{Rows}"),
                        new XElement(
                            ns + "formula1",
                            $"'{listsSheet}'!${source}$2:${source}${lists[i].Values.Count + 1}"
                        )
                    )
                );
            }
            // The schema's order: dataValidations come after these, before hyperlinks, margins and the rest.
            string[] before =
            [
                "sheetData",
                "sheetCalcPr",
                "sheetProtection",
                "protectedRanges",
                "scenarios",
                "autoFilter",
                "sortState",
                "dataConsolidate",
                "customSheetViews",
                "mergeCells",
                "phoneticPr",
                "conditionalFormatting",
            ];
            var last = root.Elements().Last(e => before.Contains(e.Name.LocalName));
            last.AddAfterSelf(validations);
            entry.Delete();
            var written = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
            using var write = written.Open();
            sheet.Save(write, SaveOptions.DisableFormatting);
        }
        return buffer.ToArray();
    }

    private static string Column(int index) => SpreadsheetWriter.ColumnName(index);
}
