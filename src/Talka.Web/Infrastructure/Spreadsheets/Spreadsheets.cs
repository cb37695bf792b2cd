using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Talka.Web.Infrastructure.Spreadsheets;

/// <summary>A sheet as read: trimmed header names, the non-empty data rows, and how the file was read.</summary>
/// <param name="Format">"csv" or "xlsx".</param>
/// <param name="Encoding">"utf-8", "windows-1257" or "utf-16" for CSV; null for XLSX.</param>
/// <param name="Delimiter">';', ',' or '\t' for CSV; null for XLSX.</param>
public sealed record SheetTable(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows, string Format, string? Encoding, char? Delimiter);

/// <summary>
/// A data row. Number = the row number the user sees in their program: the header is row 1, the first data row is row 2
/// (blank rows that were skipped still count). Cells has at least Headers.Count cells (missing ones are empty);
/// non-empty values beyond the last header are kept as extra cells so the caller can report them.
/// </summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells);

/// <summary>
/// Text is always set (the cell as text; "" for empty). Date is set when an XLSX cell holds a real date.
/// Number when an XLSX cell is numeric.
/// </summary>
public sealed record SheetCell(string Text, DateTime? Date = null, double? Number = null)
{
    public static readonly SheetCell Empty = new("");

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Date is null && Number is null;
}

/// <summary>A file that cannot be read as a sheet. Code is a stable key for a user message; Args fill it.</summary>
public sealed class SpreadsheetException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public IReadOnlyList<object> Args { get; } = args;
}

public static class SpreadsheetReader
{
    public const string FileEmpty = "FileEmpty";
    public const string FileTypeNotAllowed = "FileTypeNotAllowed";
    public const string FileTooManyRows = "FileTooManyRows";
    public const string FileUnreadable = "FileUnreadable";

    // How much text at the start of a CSV is kept to find the header line and its delimiter.
    private const int SniffChars = 256 * 1024;
    private const int BufferSize = 64 * 1024;

    static SpreadsheetReader() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Reads a CSV or XLSX file; the type is decided by the content, not the name.
    /// Throws <see cref="SpreadsheetException"/> with FileEmpty, FileTypeNotAllowed, FileTooManyRows (maxRows) or
    /// FileUnreadable.
    /// </summary>
    public static SheetTable Read(Stream content, int maxRows = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);

        if (!content.CanSeek)
        {
            var copy = new MemoryStream();
            content.CopyTo(copy);
            copy.Position = 0;
            content = copy;
        }
        var start = content.Position;

        Span<byte> head = stackalloc byte[8];
        var headLength = ReadAtMost(content, head);
        head = head[..headLength];
        content.Position = start;
        if (headLength == 0)
        {
            throw new SpreadsheetException(FileEmpty);
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return ReadXlsx(content, start, maxRows);
        }
        if (IsKnownBinary(head))
        {
            throw new SpreadsheetException(FileTypeNotAllowed);
        }
        return ReadCsv(content, start, head, maxRows);
    }

    private static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }

    private static bool Starts(ReadOnlySpan<byte> head, params ReadOnlySpan<byte> signature) => head.StartsWith(signature);

    private static bool IsKnownBinary(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF"u8)
        || Starts(head, 0xD0, 0xCF, 0x11, 0xE0) // OLE2: legacy .xls/.doc, password-protected .xlsx
        || head.StartsWith("PK"u8)                    // other ZIP records (empty or spanned archive)
        || Starts(head, 0x89, 0x50, 0x4E, 0x47)  // PNG
        || Starts(head, 0xFF, 0xD8, 0xFF)        // JPEG
        || head.StartsWith("GIF8"u8)
        || Starts(head, 0x1F, 0x8B)              // gzip
        || head.StartsWith("Rar!"u8)
        || Starts(head, 0x37, 0x7A, 0xBC, 0xAF)  // 7z
        || head.StartsWith("{\\rtf"u8);

    // ---------------------------------------------------------------- CSV

    /// <summary>
    /// Takes back the apostrophe that <see cref="SpreadsheetWriter"/> puts before a cell starting with =, +, -, @, a
    /// tab or a
    /// carriage return, so that an exported register imports as it was (the value stays text either way).
    /// </summary>
    private static string Unescape(string text) =>
        text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;

    private static SheetTable ReadCsv(Stream content, long start, ReadOnlySpan<byte> head, int maxRows)
    {
        Encoding encoding;
        string encodingName;
        var bom = 0;
        if (Starts(head, 0xEF, 0xBB, 0xBF))
        {
            (encoding, encodingName, bom) = (new UTF8Encoding(false, true), "utf-8", 3);
        }
        else if (Starts(head, 0xFF, 0xFE))
        {
            // Excel's "Unicode Text" export.
            (encoding, encodingName, bom) = (new UnicodeEncoding(false, false, true), "utf-16", 2);
        }
        else if (Starts(head, 0xFE, 0xFF))
        {
            (encoding, encodingName, bom) = (new UnicodeEncoding(true, false, true), "utf-16", 2);
        }
        else
        {
            (encoding, encodingName) = (new UTF8Encoding(false, true), "utf-8");
        }

        string prefix;
        try
        {
            prefix = ScanText(content, start + bom, encoding);
        }
        catch (DecoderFallbackException) when (encodingName == "utf-8" && bom == 0)
        {
            (encoding, encodingName) = (System.Text.Encoding.GetEncoding(1257), "windows-1257");
            prefix = ScanText(content, start + bom, encoding);
        }
        catch (DecoderFallbackException)
        {
            // A BOM that promises UTF-8/UTF-16 followed by bytes that are not.
            throw new SpreadsheetException(FileTypeNotAllowed);
        }

        var trimmed = prefix.AsSpan().TrimStart();
        if (trimmed.Length > 1 && trimmed[0] == '<' && (char.IsAsciiLetter(trimmed[1]) || trimmed[1] is '?' or '!'))
        {
            // HTML or XML (e.g. a web page or an "Excel 2003 XML" file saved as .xls/.csv).
            throw new SpreadsheetException(FileTypeNotAllowed);
        }

        var delimiter = DetectDelimiter(prefix);
        content.Position = start;

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            DetectDelimiter = false,
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
            Mode = CsvMode.RFC4180,
        };

        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        using var parser = new CsvParser(reader, config, leaveOpen: true);

        string[]? headers = null;
        var rows = new List<SheetRow>();
        var number = 0;
        while (parser.Read())
        {
            number++;
            var count = parser.Count;
            if (headers is null)
            {
                var names = new string[count];
                for (var i = 0; i < count; i++)
                {
                    names[i] = (parser[i] ?? "").Trim();
                }
                headers = TrimTrailingEmpty(names);
                if (headers.Length == 0)
                {
                    headers = null; // a blank line before the header
                }
                continue;
            }

            var cells = new SheetCell[Math.Max(count, headers.Length)];
            var last = -1;
            for (var i = 0; i < count; i++)
            {
                var text = Unescape((parser[i] ?? "").Trim());
                if (text.Length > 0)
                {
                    cells[i] = new SheetCell(text);
                    last = i;
                }
                else
                {
                    cells[i] = SheetCell.Empty;
                }
            }
            if (last < 0)
            {
                continue;
            }
            for (var i = count; i < cells.Length; i++)
            {
                cells[i] = SheetCell.Empty;
            }
            AddRow(rows, number, Fit(cells, headers.Length, last), maxRows);
        }

        if (headers is null)
        {
            throw new SpreadsheetException(FileEmpty);
        }
        return new SheetTable(headers, rows, "csv", encodingName, delimiter);
    }

    /// <summary>
    /// Decodes the whole stream (from after the BOM) once: proves the encoding (a strict decoder throws
    /// DecoderFallbackException),
    /// refuses binary data (NUL and other control characters), and returns the first <see cref="SniffChars"/>
    /// characters.
    /// </summary>
    private static string ScanText(Stream content, long start, Encoding encoding)
    {
        content.Position = start;
        var decoder = encoding.GetDecoder();
        var bytes = new byte[BufferSize];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length) + 2];
        var prefix = new StringBuilder();
        while (true)
        {
            var n = content.Read(bytes, 0, bytes.Length);
            var charCount = decoder.GetChars(bytes, 0, n, chars, 0, flush: n == 0);
            var span = chars.AsSpan(0, charCount);
            foreach (var c in span)
            {
                if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\v' or '\f' or '\x1A'))
                {
                    throw new SpreadsheetException(FileTypeNotAllowed);
                }
            }
            if (prefix.Length < SniffChars)
            {
                prefix.Append(span[..Math.Min(span.Length, SniffChars - prefix.Length)]);
            }
            if (n == 0)
            {
                break;
            }
        }
        return prefix.ToString();
    }

    /// <summary>The delimiter that splits the header line (the first non-blank line) into the most columns; ties go to
    /// ';', then ',', then tab.</summary>
    private static char DetectDelimiter(string text)
    {
        ReadOnlySpan<char> candidates = [';', ',', '\t'];
        Span<int> counts = stackalloc int[candidates.Length];
        var inQuotes = false;
        var hasContent = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes; // an escaped "" toggles twice
                hasContent = true;
                continue;
            }
            if (inQuotes)
            {
                continue;
            }
            if (c is '\r' or '\n')
            {
                if (hasContent)
                {
                    break;
                }
                counts.Clear();
                continue;
            }
            var k = candidates.IndexOf(c);
            if (k >= 0)
            {
                counts[k]++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                hasContent = true;
            }
        }

        var best = 0;
        for (var k = 1; k < candidates.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }
        return candidates[best];
    }

    // ---------------------------------------------------------------- XLSX

    private static SheetTable ReadXlsx(Stream content, long start, int maxRows)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (!IsWorkbook(zip))
            {
                throw new SpreadsheetException(FileTypeNotAllowed); // .docx, .ods, .xlsb, a plain ZIP …
            }
        }
        catch (InvalidDataException)
        {
            throw new SpreadsheetException(FileUnreadable);
        }

        content.Position = start;
        string[]? headers = null;
        var rows = new List<SheetRow>();
        var number = 0;
        try
        {
            // MiniExcel yields every sheet row from row 1 on, including an all-null dictionary for each
            // row missing from the file, so the position is the row number.
            foreach (object item in MiniExcel.Query(content, useHeaderRow: false))
            {
                number++;
                if (item is not IDictionary<string, object?> values)
                {
                    continue;
                }

                var cells = new List<SheetCell>(values.Count);
                var last = -1;
                foreach (var (column, value) in values)
                {
                    var index = ColumnIndex(column);
                    if (index < 0)
                    {
                        continue;
                    }
                    var cell = ToCell(value);
                    if (cell.IsEmpty)
                    {
                        continue;
                    }
                    while (cells.Count <= index)
                    {
                        cells.Add(SheetCell.Empty);
                    }
                    cells[index] = cell;
                    last = Math.Max(last, index);
                }
                if (last < 0)
                {
                    continue;
                }

                if (headers is null)
                {
                    headers = TrimTrailingEmpty(cells.Select(c => c.Text.Trim()).ToArray());
                    continue;
                }
                while (cells.Count < headers.Length)
                {
                    cells.Add(SheetCell.Empty);
                }
                AddRow(rows, number, Fit(cells.ToArray(), headers.Length, last), maxRows);
            }
        }
        catch (Exception ex) when (ex is not SpreadsheetException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new SpreadsheetException(FileUnreadable);
        }

        if (headers is null)
        {
            throw new SpreadsheetException(FileEmpty);
        }
        return new SheetTable(headers, rows, "xlsx", null, null);
    }

    private static bool IsWorkbook(ZipArchive zip)
    {
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        var types = zip.GetEntry("[Content_Types].xml");
        if (types is null || types.Length > 1_000_000)
        {
            return false;
        }
        using var reader = new StreamReader(types.Open());
        var text = reader.ReadToEnd();
        return text.Contains("spreadsheetml.sheet.main+xml", StringComparison.OrdinalIgnoreCase)
            || text.Contains("ms-excel.sheet.macroEnabled.main+xml", StringComparison.OrdinalIgnoreCase);
    }

    private static SheetCell ToCell(object? value) => value switch
    {
        null => SheetCell.Empty,
        string s => s.Length == 0 ? SheetCell.Empty : new SheetCell(s.Trim()),
        DateTime d => new SheetCell(
            d.TimeOfDay == TimeSpan.Zero
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            Date: d),
        bool b => new SheetCell(b ? "TRUE" : "FALSE"),
        TimeSpan t => new SheetCell(t.ToString("c", CultureInfo.InvariantCulture)),
        double or float or decimal or int or long or short or byte or uint or ulong or ushort or sbyte =>
            Number(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        _ => new SheetCell((Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim()),
    };

    private static SheetCell Number(double n) => new(n.ToString(CultureInfo.InvariantCulture), Number: n);

    /// <summary>"A" → 0, "Z" → 25, "AA" → 26; -1 for anything else.</summary>
    private static int ColumnIndex(string column)
    {
        if (string.IsNullOrEmpty(column) || column.Length > 3)
        {
            return -1;
        }
        var index = 0;
        foreach (var c in column)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                return -1;
            }
            index = index * 26 + (upper - 'A' + 1);
        }
        return index - 1;
    }

    // ---------------------------------------------------------------- shared

    private static string[] TrimTrailingEmpty(string[] names)
    {
        var length = names.Length;
        while (length > 0 && names[length - 1].Length == 0)
        {
            length--;
        }
        return length == names.Length ? names : names[..length];
    }

    /// <summary>Keeps the header columns plus any non-empty cells beyond them; drops trailing empty extras.</summary>
    private static SheetCell[] Fit(SheetCell[] cells, int headerCount, int lastNonEmpty)
    {
        var length = Math.Max(headerCount, lastNonEmpty + 1);
        return length == cells.Length ? cells : cells[..length];
    }

    private static void AddRow(List<SheetRow> rows, int number, SheetCell[] cells, int maxRows)
    {
        if (rows.Count >= maxRows)
        {
            throw new SpreadsheetException(FileTooManyRows, maxRows);
        }
        rows.Add(new SheetRow(number, cells));
    }
}
