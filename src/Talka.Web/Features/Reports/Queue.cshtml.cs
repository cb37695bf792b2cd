using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Reports;

/// <summary>The funder's queue: awaiting review first, then overdue, then due within a month.</summary>
public sealed class QueueModel(ReportService reports) : TalkaPage
{
    // From the query only: Razor Pages keeps its own "page" route value.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "filter")] public string? Filter { get; set; }
    public static readonly string[] Filters = ["review", "overdue", "soon", "returned"];
    public Organisations.Page<ReportRow> Result { get; private set; } = new([], 1, ReportService.QueuePageSize, 0);
    public IReadOnlyList<ReportRow> Queue => Result.Items;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await reports.QueueAsync(PageNumber, Filters.Contains(Filter) ? Filter : null) is not { } queue) return await DenyAsync();
        Result = queue;
        return Page();
    }
}
