using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Reports;

/// <summary>The funder's queue: awaiting review first, then overdue, then due within a month.</summary>
public sealed class QueueModel(ReportService reports, Programmes.ProgrammeQueries programmes,
    Organisations.OrganisationQueries organisations) : TalkaPage
{
    // From the query only: Razor Pages keeps its own "page" route value.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "filter")] public string? Filter { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "programme")] public Guid? ProgrammeId { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "call")] public Guid? CallId { get; set; }
    [FromQuery(Name = "organisation")] public Guid? OrganisationId { get; set; }
    public IReadOnlyList<Organisations.OrganisationLink> OrganisationChoices { get; private set; } = [];

    /// <summary>The filters in force (besides the tab) as chips that take them away.</summary>
    public IReadOnlyList<FilterChip> Chips { get; private set; } = [];
    public string SortedBy => ReportService.QueueSorts.Contains(Sort) ? Sort! : "priority";

    /// <summary>A column heading sorting the queue, keeping its tab and filters (back to the first page).</summary>
    public SortHeading Heading(string label, string sort) => SortHeading.For(label, sort, SortedBy, "/reports", Request.Query);
    public static readonly string[] Filters = ["review", "overdue", "soon", "returned", "approved"];
    public IReadOnlyList<Programmes.ProgrammeRow> Programmes { get; private set; } = [];

    /// <summary>The queue's address with a status tab, keeping the search, the other filters and the sort.</summary>
    public string Link(string? filter) => filter is null
        ? FilterChip.Without("/reports", Request.Query, "filter")
        : FilterChip.With("/reports", Request.Query, "filter", filter);
    public Organisations.Page<ReportRow> Result { get; private set; } = new([], 1, ReportService.QueuePageSize, 0);
    public IReadOnlyList<ReportRow> Queue => Result.Items;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await reports.QueueAsync(PageNumber, Filters.Contains(Filter) ? Filter : null, HttpContext.RequestAborted, Search, ProgrammeId,
                ReportService.QueueSorts.Contains(Sort) ? Sort : null, CallId, OrganisationId)
            is not { } queue) return await DenyAsync();
        Result = queue;
        Programmes = await programmes.ListAsync(HttpContext.RequestAborted);
        OrganisationChoices = await organisations.AllLinksAsync(HttpContext.RequestAborted);
        var chips = new List<(string Label, string Key)>();
        if (!string.IsNullOrWhiteSpace(Search)) chips.Add((T["Filters.Search", Search.Trim()], "q"));
        if (Programmes.FirstOrDefault(p => p.Id == ProgrammeId) is { } programme) chips.Add((programme.Title, "programme"));
        if (Programmes.SelectMany(p => p.Calls).FirstOrDefault(c => c.Id == CallId) is { } call) chips.Add((call.Title, "call"));
        if (OrganisationChoices.FirstOrDefault(o => o.Id == OrganisationId) is { } organisation) chips.Add((organisation.Name, "organisation"));
        Chips = chips.Select(c => new FilterChip(c.Label, FilterChip.Without("/reports", Request.Query, c.Key))).ToList();
        return Page();
    }
}
