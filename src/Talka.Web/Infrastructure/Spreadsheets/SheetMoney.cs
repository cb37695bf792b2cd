namespace Talka.Web.Infrastructure.Spreadsheets;

/// <summary>A money cell: always two decimals in CSV; a number in XLSX.</summary>
public readonly record struct SheetMoney(decimal Amount);
