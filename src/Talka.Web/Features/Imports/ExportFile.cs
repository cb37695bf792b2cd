using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Features.Imports;

/// <summary>A register or ledger as a file to download.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName)
{
    /// <summary>The rows as XLSX (format "xlsx") or as CSV the Lithuanian way (";", decimal comma) otherwise.</summary>
    public static ExportFile Of(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows, string format, string name,
        string sheet = "Duomenys") =>
        format.Equals("xlsx", StringComparison.OrdinalIgnoreCase)
            ? new ExportFile(SpreadsheetWriter.Xlsx(headers, rows, sheet), Infrastructure.Web.ApiDocs.Xlsx, name + ".xlsx")
            : new ExportFile(SpreadsheetWriter.Csv(headers, rows, CsvFormat.Lithuanian), "text/csv; charset=utf-8", name + ".csv");
}
