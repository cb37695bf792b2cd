namespace Talka.Web.Features.Reports;

/// <summary>A submitted version's PDF, printed once after submission and kept: what was sent never changes.</summary>
public sealed class ReportPdfFile : Talka.Web.Infrastructure.Data.INotAudited
{
    public Guid VersionId { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset RenderedAt { get; set; }
}
