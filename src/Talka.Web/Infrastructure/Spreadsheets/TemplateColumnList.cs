namespace Talka.Web.Infrastructure.Spreadsheets;

/// <summary>The values a template's column takes, offered as a drop-down list on that column.</summary>
/// <param name="Column">The column's index (0 for A).</param>
public sealed record TemplateColumnList(int Column, IReadOnlyList<string> Values);
