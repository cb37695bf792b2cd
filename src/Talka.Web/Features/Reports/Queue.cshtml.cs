using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Reports;

/// <summary>The funder's queue: awaiting review first, then overdue, then due within a month.</summary>
public sealed class QueueModel(ReportService reports) : TalkaPage
{
    public IReadOnlyList<ReportRow> Queue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await reports.QueueAsync() is not { } queue) return await DenyAsync();
        Queue = queue;
        return Page();
    }
}
