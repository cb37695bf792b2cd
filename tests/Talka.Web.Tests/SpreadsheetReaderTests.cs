using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Tests;

public class SpreadsheetReaderTests
{
    private static readonly string[] Names = ["Ąžuolas Šimkūnas", "Živilė Čepulienė", "Ūla Ėglė Įrašytė"];

    static SpreadsheetReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static SheetTable Read(byte[] bytes, int maxRows = 200_000) => SpreadsheetReader.Read(new MemoryStream(bytes), maxRows);

    private static string[] Texts(SheetRow row) => row.Cells.Select(c => c.Text).ToArray();

    [Fact]
    public void Windows1257_semicolon_csv_reads_lithuanian_names_letter_for_letter()
    {
        var text = "Vardas, pavardė;Gimimo data;Valandos\r\n"
            + $"{Names[0]};1990-01-02;1,5\r\n"
            + $"{Names[1]};1985-12-31;2\r\n"
            + $"{Names[2]};2001-07-15;0,25\r\n";
        var bytes = Encoding.GetEncoding(1257).GetBytes(text);
        // The file really is not UTF-8, so this exercises the fallback.
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var table = Read(bytes);

        Assert.Equal("csv", table.Format);
        Assert.Equal("windows-1257", table.Encoding);
        Assert.Equal(';', table.Delimiter);
        Assert.Equal(["Vardas, pavardė", "Gimimo data", "Valandos"], table.Headers);
        Assert.Equal([2, 3, 4], table.Rows.Select(r => r.Number));
        Assert.Equal(Names, table.Rows.Select(r => r.Cells[0].Text));
        Assert.Equal(["Živilė Čepulienė", "1985-12-31", "2"], Texts(table.Rows[1]));
        Assert.Equal("0,25", table.Rows[2].Cells[2].Text);
    }

    [Fact]
    public void Csv_writer_output_reads_back_the_same_strings()
    {
        string[] headers = ["Vardas, pavardė", "Telefonas", "Pastaba"];
        List<object?[]> rows =
        [
            [Names[0], "+37060000000", "a;b"],
            [Names[1], null, "jis sakė \"labas\""],
            [Names[2], "1,5", "pirma eilutė\nantra eilutė"],
        ];

        var bytes = SpreadsheetWriter.Csv(headers, rows, CsvFormat.Lithuanian);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Vardas, pavardė;Telefonas;Pastaba\r\n", text, StringComparison.Ordinal);
        // The phone number starts with '+': escaped against formula injection, and read back without the apostrophe.
        Assert.Contains($"{Names[0]};\"'+37060000000\";\"a;b\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"{Names[1]};;\"jis sakė \"\"labas\"\"\"\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);

        var table = Read(bytes);

        Assert.Equal("utf-8", table.Encoding);
        Assert.Equal(';', table.Delimiter);
        Assert.Equal(headers, table.Headers);
        Assert.Equal([2, 3, 4], table.Rows.Select(r => r.Number));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Select(v => (string?)v ?? ""), Texts(table.Rows[i]));
        }
    }

    [Fact]
    public void Xlsx_writer_output_reads_back_the_same_strings()
    {
        string[] headers = ["Vardas, pavardė", "Kodas", "Suma", "Data"];
        List<object?[]> rows =
        [
            [Names[0], "00123", "1,5", "2024-03-15"],
            [Names[1], null, "=1+1", "2024 m. kovo 16 d."],
            [Names[2], "+37060000000", "12", "eilutė\nkita"],
        ];

        var bytes = SpreadsheetWriter.Xlsx(headers, rows);

        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal(["Duomenys"], new MemoryStream(bytes).GetSheetNames());

        var table = Read(bytes);

        Assert.Equal("xlsx", table.Format);
        Assert.Null(table.Encoding);
        Assert.Null(table.Delimiter);
        Assert.Equal(headers, table.Headers);
        Assert.Equal([2, 3, 4], table.Rows.Select(r => r.Number));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Select(v => (string?)v ?? ""), Texts(table.Rows[i]));
        }
        // Written as text, so nothing comes back as a number or a date.
        Assert.All(table.Rows.SelectMany(r => r.Cells), c => Assert.True(c.Number is null && c.Date is null));
    }

    [Fact]
    public void Utf8_with_bom_comma_delimiter_and_quoted_fields_with_semicolon_newline_and_quotes()
    {
        var text = "\uFEFFVardas,Pastaba,Kiekis\r\n"
            + "\"Jonas Jonaitis\",\"a;b\nc\",3\r\n"
            + "Živilė,\"x \"\"y\"\", z\",4\r\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(0xEF, bytes[0]);

        var table = Read(bytes);

        Assert.Equal("utf-8", table.Encoding);
        Assert.Equal(',', table.Delimiter);
        Assert.Equal(["Vardas", "Pastaba", "Kiekis"], table.Headers);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["Jonas Jonaitis", "a;b\nc", "3"], Texts(table.Rows[0]));
        Assert.Equal(["Živilė", "x \"y\", z", "4"], Texts(table.Rows[1]));
        // A record with a newline inside a quoted field is one row in Excel.
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Utf8_without_bom_is_read_as_utf8_not_windows1257()
    {
        var text = "Vardas,Miestas\n" + $"\"{Names[1]}\",Šiauliai\n" + $"{Names[2]},\"Kaunas, Aleksotas\"\n";
        var bytes = new UTF8Encoding(false).GetBytes(text);
        Assert.NotEqual(0xEF, bytes[0]);

        var table = Read(bytes);

        Assert.Equal("utf-8", table.Encoding);
        Assert.Equal(',', table.Delimiter);
        Assert.Equal([Names[1], "Šiauliai"], Texts(table.Rows[0]));
        Assert.Equal([Names[2], "Kaunas, Aleksotas"], Texts(table.Rows[1]));
    }

    [Fact]
    public void Decimal_commas_stay_text_for_the_caller()
    {
        var table = Read(Encoding.UTF8.GetBytes("Vardas;Valandos;Suma\nJonas;1,5;1 234,56\nOna;2;0,5\n"));

        Assert.Equal(';', table.Delimiter);
        Assert.Equal(["Jonas", "1,5", "1 234,56"], Texts(table.Rows[0]));
        Assert.Equal("0,5", table.Rows[1].Cells[2].Text);
        Assert.All(table.Rows.SelectMany(r => r.Cells), c => Assert.Null(c.Number));
    }

    [Fact]
    public void Header_names_are_trimmed_cells_trimmed_and_missing_cells_empty()
    {
        var table = Read(Encoding.UTF8.GetBytes("  Vardas ; Pavardė ;Data\r\n  Jonas  \r\nOna;Onaitė;2024-01-01;papildoma\r\n"));

        Assert.Equal(["Vardas", "Pavardė", "Data"], table.Headers);
        Assert.Equal(["Jonas", "", ""], Texts(table.Rows[0]));
        Assert.True(table.Rows[0].Cells[1].IsEmpty);
        // A value beyond the last header is kept so the caller can report it.
        Assert.Equal(["Ona", "Onaitė", "2024-01-01", "papildoma"], Texts(table.Rows[1]));
    }

    [Fact]
    public void Blank_lines_are_skipped_but_row_numbers_stay_true_to_the_file()
    {
        // Line 1 header, 2 data, 3 empty, 4 only delimiters (Excel's empty row), 5 data.
        var table = Read(Encoding.UTF8.GetBytes("Vardas;Kiekis\r\nJonas;1\r\n\r\n;\r\nOna;5\r\n\r\n"));

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(2, table.Rows[0].Number);
        Assert.Equal(5, table.Rows[1].Number);
        Assert.Equal(["Ona", "5"], Texts(table.Rows[1]));
    }

    [Fact]
    public void Tab_delimited_utf16_from_excel_unicode_text_is_read()
    {
        var text = "Vardas\tValandos\r\n" + $"{Names[0]}\t1,5\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var table = Read(bytes);

        Assert.Equal('\t', table.Delimiter);
        Assert.Equal("utf-16", table.Encoding);
        Assert.Equal([Names[0], "1,5"], Texts(table.Rows[0]));
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read()
    {
        var bytes = Encoding.GetEncoding(1257).GetBytes($"Vardas\r\n{Names[2]}\r\n");

        var table = SpreadsheetReader.Read(new ForwardOnlyStream(bytes));

        Assert.Equal("windows-1257", table.Encoding);
        Assert.Equal(Names[2], table.Rows.Single().Cells[0].Text);
    }

    [Fact]
    public void Xlsx_date_and_number_cells_come_back_as_date_and_number()
    {
        var stream = new MemoryStream();
        stream.SaveAs(new List<Dictionary<string, object?>>
        {
            new() { ["Vardas"] = Names[0], ["Data"] = new DateTime(2024, 3, 15), ["Valandos"] = 1.5, ["Kiekis"] = 42 },
            new() { ["Vardas"] = Names[1], ["Data"] = new DateTime(2024, 3, 16, 13, 30, 0), ["Valandos"] = 0.25, ["Kiekis"] = null },
        });

        var table = Read(stream.ToArray());

        Assert.Equal("xlsx", table.Format);
        Assert.Equal(["Vardas", "Data", "Valandos", "Kiekis"], table.Headers);
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));

        var first = table.Rows[0].Cells;
        Assert.Equal(Names[0], first[0].Text);
        Assert.Equal(new DateTime(2024, 3, 15), first[1].Date);
        Assert.Equal("2024-03-15", first[1].Text);
        Assert.Equal(1.5, first[2].Number);
        Assert.Equal("1.5", first[2].Text);
        Assert.Equal(42d, first[3].Number);
        Assert.Equal("42", first[3].Text);

        var second = table.Rows[1].Cells;
        Assert.Equal(new DateTime(2024, 3, 16, 13, 30, 0), second[1].Date);
        Assert.Equal("2024-03-16 13:30:00", second[1].Text);
        Assert.Equal(0.25, second[2].Number);
        Assert.True(second[3].IsEmpty);
    }

    [Fact]
    public void Excel_style_xlsx_with_shared_strings_builtin_date_format_and_row_gaps()
    {
        // What Excel writes: shared strings, a date as a serial with the built-in format 14, rows 3-4 absent.
        var sheet = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>45366</v></c><c r="C2"><v>1.5</v></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t>Ūla Ėglė Įrašytė</t></is></c><c r="B5" s="2"><v>45000</v></c><c r="C5"><v>3</v></c></row>
            """;
        var bytes = ExcelLikeXlsx(sheet, ["Vardas", " Data ", "Valandos", Names[0]]);

        var table = Read(bytes);

        Assert.Equal(["Vardas", "Data", "Valandos"], table.Headers);
        Assert.Equal([2, 5], table.Rows.Select(r => r.Number));
        Assert.Equal(Names[0], table.Rows[0].Cells[0].Text);
        Assert.Equal(new DateTime(2024, 3, 15), table.Rows[0].Cells[1].Date);
        Assert.Equal(1.5, table.Rows[0].Cells[2].Number);
        Assert.Equal(Names[2], table.Rows[1].Cells[0].Text);
        Assert.Equal(new DateTime(2023, 3, 15), table.Rows[1].Cells[1].Date);
        Assert.Equal("3", table.Rows[1].Cells[2].Text);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("xls")]
    [InlineData("png")]
    [InlineData("zip")]
    [InlineData("docx")]
    [InlineData("binary")]
    [InlineData("html")]
    public void Files_that_are_not_csv_or_xlsx_are_refused(string kind)
    {
        var bytes = kind switch
        {
            "pdf" => Encoding.ASCII.GetBytes("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
            "xls" => new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(new byte[504]).ToArray(),
            "png" => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 },
            "zip" => Zip(("sarasas.csv", "Vardas;Pavardė\r\nJonas;Jonaitis\r\n")),
            "docx" => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")),
            "binary" => Encoding.ASCII.GetBytes("Vardas;Kiekis\r\nJonas;1\r\n").Concat(new byte[] { 0x00, 0x13, 0x00, 0xFE }).ToArray(),
            "html" => Encoding.UTF8.GetBytes("\uFEFF<html><body><table><tr><td>Vardas</td></tr></table></body></html>"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<SpreadsheetException>(() => Read(bytes));

        Assert.Equal("FileTypeNotAllowed", error.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n;;\r\n")]
    [InlineData("\uFEFF")]
    public void Empty_files_are_refused(string text)
    {
        var error = Assert.Throws<SpreadsheetException>(() => Read(Encoding.UTF8.GetBytes(text)));

        Assert.Equal("FileEmpty", error.Code);
    }

    [Fact]
    public void A_corrupt_workbook_is_unreadable()
    {
        var good = SpreadsheetWriter.Xlsx(["Vardas"], [[Names[0]]]);
        var truncated = good[..(good.Length / 2)];

        var error = Assert.Throws<SpreadsheetException>(() => Read(truncated));

        Assert.Equal("FileUnreadable", error.Code);
    }

    [Fact]
    public void A_workbook_with_a_broken_sheet_is_unreadable()
    {
        var bytes = ExcelLikeXlsx("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row", ["Vardas"]);

        var error = Assert.Throws<SpreadsheetException>(() => Read(bytes));

        Assert.Equal("FileUnreadable", error.Code);
    }

    [Fact]
    public void Too_many_rows_are_refused_with_the_limit()
    {
        var csv = Encoding.UTF8.GetBytes("Vardas\r\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"Asmuo {i}\r\n")));
        var xlsx = SpreadsheetWriter.Xlsx(["Vardas"], Enumerable.Range(1, 6).Select(i => new object?[] { $"Asmuo {i}" }));

        Assert.Equal(6, Read(csv, maxRows: 6).Rows.Count);
        Assert.Equal(6, Read(xlsx, maxRows: 6).Rows.Count);

        var csvError = Assert.Throws<SpreadsheetException>(() => Read(csv, maxRows: 5));
        Assert.Equal("FileTooManyRows", csvError.Code);
        Assert.Equal([5], csvError.Args);

        var xlsxError = Assert.Throws<SpreadsheetException>(() => Read(xlsx, maxRows: 5));
        Assert.Equal("FileTooManyRows", xlsxError.Code);
        Assert.Equal([5], xlsxError.Args);
    }

    [Fact]
    public void A_hundred_thousand_row_csv_is_read()
    {
        const int count = 100_000;
        var builder = new StringBuilder("Nr;Vardas;Pavardė;Gimimo data;Valandos;Pastaba\r\n");
        for (var i = 1; i <= count; i++)
        {
            builder.Append(i).Append(";Živilė;Čepulienė ").Append(i).Append(";2001-07-15;").Append(i % 10).Append(",5;\"a;b\"\r\n");
        }
        var bytes = Encoding.GetEncoding(1257).GetBytes(builder.ToString());

        var table = Read(bytes);

        Assert.Equal("windows-1257", table.Encoding);
        Assert.Equal(6, table.Headers.Count);
        Assert.Equal(count, table.Rows.Count);
        var last = table.Rows[^1];
        Assert.Equal(count + 1, last.Number);
        Assert.Equal(["100000", "Živilė", "Čepulienė 100000", "2001-07-15", "0,5", "a;b"], Texts(last));
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return stream.ToArray();
    }

    /// <summary>A minimal workbook laid out as Excel writes it. Style 1 = built-in date format 14, style 2 = custom
    /// "yyyy-mm-dd".</summary>
    private static byte[] ExcelLikeXlsx(string sheetData, string[] sharedStrings)
    {
        const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const string Pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
        var strings = string.Concat(sharedStrings.Select(s => $"<si><t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(s)}</t></si>"));
        return Zip(
            ("[Content_Types].xml", Head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"),
            ("_rels/.rels", Head + $"<Relationships xmlns=\"{Pkg}\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", Head + $"<workbook xmlns=\"{Ns}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"Lapas1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", Head + $"<Relationships xmlns=\"{Pkg}\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + $"<Relationship Id=\"rId2\" Type=\"{Rel}/styles\" Target=\"styles.xml\"/>"
                + $"<Relationship Id=\"rId3\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
            ("xl/styles.xml", Head + $"<styleSheet xmlns=\"{Ns}\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
                + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"),
            ("xl/sharedStrings.xml", Head + $"<sst xmlns=\"{Ns}\" count=\"{sharedStrings.Length}\" uniqueCount=\"{sharedStrings.Length}\">{strings}</sst>"),
            ("xl/worksheets/sheet1.xml", Head + $"<worksheet xmlns=\"{Ns}\"><sheetData>{sheetData}</sheetData></worksheet>"));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
