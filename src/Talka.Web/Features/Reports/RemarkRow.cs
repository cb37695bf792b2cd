namespace Talka.Web.Features.Reports;

/// <summary>One remark as typed on the return form: the report's section, a line within it (optional) and the text.
/// A row left without text is not a remark.</summary>
public sealed class RemarkRow
{
    public string? Section { get; set; }
    public string? Line { get; set; }
    public string? Text { get; set; }
}
