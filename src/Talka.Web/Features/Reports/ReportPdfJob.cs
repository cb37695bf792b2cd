using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Features.Reports;

/// <summary>Prints a submitted version to PDF and stores it with the version. Running it again does nothing once the
/// PDF is there.</summary>
public sealed class ReportPdfJob(TalkaDbContext db, ReportService reports, ReportPdf pdf, TimeProvider clock)
    : IJobHandler
{
    public const string JobKind = "report-pdf";
    public string Kind => JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var versionId = Guid.Parse(payload);
        if (await db.Set<ReportPdfFile>().AnyAsync(f => f.VersionId == versionId, ct))
            return;
        var document = await reports.FrozenDocumentAsync(versionId, ct);
        if (document is null)
            return; // the report was deleted with its project
        var bytes = await pdf.RenderAsync(document, ct) ?? throw new InvalidOperationException("Chromium was busy.");
        db.Add(
            new ReportPdfFile
            {
                VersionId = versionId,
                Content = bytes,
                RenderedAt = clock.GetUtcNow(),
            }
        );
        await db.SaveChangesAsync(ct);
    }
}
