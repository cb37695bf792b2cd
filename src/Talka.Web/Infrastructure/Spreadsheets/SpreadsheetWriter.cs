using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Talka.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Writes exports. A cell is a string, a number (int, long, decimal), <see cref="SheetMoney"/>, a date (DateOnly) or
/// null.
/// CSV goes through CsvHelper with formula-injection escaping: a text cell that starts with =, +, -, @, a tab or a
/// carriage
/// return is prefixed with an apostrophe, so that a spreadsheet shows it as text instead of running it. XLSX cells are
/// typed:
/// numbers and money are numbers, dates are dates.
/// </summary>
public static class SpreadsheetWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>UTF-8 with BOM (Excel then reads Lithuanian letters right), CRLF, quoting per RFC 4180.</summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, CsvFormat format)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(format);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = format.Delimiter.ToString(),
            NewLine = "\r\n",
            InjectionOptions = InjectionOptions.Escape,
            ShouldQuote = args => args.Field is { Length: > 0 } f
                && (f.AsSpan().IndexOfAny([format.Delimiter, '"', '\r', '\n']) >= 0 || char.IsWhiteSpace(f[0]) || char.IsWhiteSpace(f[^1])),
        };
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, Utf8WithBom, 64 * 1024, leaveOpen: true))
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var header in headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                CheckWidth(row, headers.Count);
                for (var i = 0; i < headers.Count; i++) csv.WriteField(CsvText(i < row.Count ? row[i] : null, format));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    private static string CsvText(object? value, CsvFormat format) => value switch
    {
        null => "",
        string text => text,
        SheetMoney money => money.Amount.ToString("0.00", format.Numbers),
        decimal number => number.ToString("0.##########", format.Numbers),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A cell of type {value.GetType().Name} cannot be written.", nameof(value)),
    };

    /// <summary>XLSX with the headers as the first row.</summary>
    public static byte[] Xlsx(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string sheetName = "Duomenys")
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);

        var columns = Enumerable.Range(0, headers.Count).Select(ColumnName).ToArray();

        Dictionary<string, object?> ToRow(IReadOnlyList<object?> values)
        {
            var row = new Dictionary<string, object?>(columns.Length);
            for (var i = 0; i < columns.Length; i++) row[columns[i]] = XlsxValue(i < values.Count ? values[i] : null);
            return row;
        }

        IEnumerable<Dictionary<string, object?>> All()
        {
            yield return ToRow(headers.Cast<object?>().ToList());
            foreach (var row in rows)
            {
                CheckWidth(row, headers.Count);
                yield return ToRow(row);
            }
        }

        using var stream = new MemoryStream();
        var configuration = new OpenXmlConfiguration { AutoFilter = false, FreezeRowCount = 1 };
        // printHeader: false, because MiniExcel would print the dictionary keys; our first row is the headers.
        stream.SaveAs(All(), printHeader: false, sheetName: SafeSheetName(sheetName), configuration: configuration);
        return stream.ToArray();
    }

    private static object? XlsxValue(object? value) => value switch
    {
        null => null,
        string { Length: 0 } => null,
        string text => XmlSafe(text),
        SheetMoney money => money.Amount,
        decimal or int or long => value,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => throw new ArgumentException($"A cell of type {value.GetType().Name} cannot be written.", nameof(value)),
    };

    private static void CheckWidth(IReadOnlyList<object?> row, int width)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Count > width)
        {
            throw new ArgumentException($"A row has {row.Count} values for {width} headers.", nameof(row));
        }
    }

    /// <summary>A column's letters: 0 → A, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>Drops the control characters XML 1.0 cannot carry (MiniExcel would write them as _xHHHH_, which reads
    /// back as nothing).</summary>
    private static string XmlSafe(string value)
    {
        if (!value.AsSpan().ContainsAnyInRange('\0', '\x1F'))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c >= ' ' || c is '\t' or '\n' or '\r')
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, not starting or ending with an
    /// apostrophe.</summary>
    private static string SafeSheetName(string? name)
    {
        var builder = new StringBuilder();
        foreach (var c in name ?? "")
        {
            if (c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\') && !char.IsControl(c))
            {
                builder.Append(c);
            }
        }
        var safe = builder.ToString().Trim().Trim('\'');
        if (safe.Length > 31)
        {
            safe = safe[..31];
        }
        return safe.Length == 0 ? "Duomenys" : safe;
    }
}
