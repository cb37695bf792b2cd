using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Reports;
using Talka.Web.Features.Delivery;

namespace Talka.Web.Features.Reports;

public sealed class ProjectReportsModel(ReportService reports) : DeliveryPage
{
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];
    public ReportRow? Next => Reports.Where(r => r.Status is ReportStatus.Draft or ReportStatus.Returned).MinBy(r => r.Due);

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        Reports = await reports.ForProjectAsync(projectId) ?? [];
        return Page();
    }
}
