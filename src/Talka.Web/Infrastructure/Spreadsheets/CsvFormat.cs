using System.Globalization;

namespace Talka.Web.Infrastructure.Spreadsheets;

/// <summary>How a CSV export writes its cells: the delimiter and the decimal separator are part of each export's
/// contract.</summary>
public sealed record CsvFormat(char Delimiter, NumberFormatInfo Numbers)
{
    /// <summary>For people: as Lithuanian Excel opens a file directly, ';' between cells and a decimal comma.</summary>
    public static CsvFormat Lithuanian { get; } = new(';', new NumberFormatInfo { NumberDecimalSeparator = ",", NegativeSign = "-" });

    /// <summary>For machines (open data): ',' between cells and a decimal point.</summary>
    public static CsvFormat International { get; } = new(',', NumberFormatInfo.InvariantInfo);
}
