using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Delivery;

namespace Talka.Web.Features.Delivery;

public sealed class EventsModel(DeliveryQueries queries) : DeliveryPage
{
    [BindProperty(SupportsGet = true)] public EventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public bool? WithHeadcount { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Activity { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public string SortedBy => EventFilter.Sorts.Contains(Sort) ? Sort! : "number";
    public IReadOnlyList<Infrastructure.Web.FilterChip> Chips { get; private set; } = [];

    public Infrastructure.Web.SortHeading Heading(string label, string sort, string? css = null) =>
        Infrastructure.Web.SortHeading.For(label, sort, SortedBy, Request.Path, Request.Query, sort == "start", css);
    // From the query only: Razor Pages keeps its own "page" route value.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Organisations.Page<EventRow> Result { get; private set; } = new([], 1, DeliveryQueries.EventPageSize, 0);
    public IReadOnlyList<EventRow> Events => Result.Items;

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        Result = await queries.EventPageAsync(Project, new EventFilter(Kind, Quarter, WithHeadcount, Activity, Search,
            EventFilter.Sorts.Contains(Sort) ? Sort : null), PageNumber);
        var chips = new List<(string Label, string Key)>();
        if (!string.IsNullOrWhiteSpace(Search)) chips.Add((T["Filters.Search", Search.Trim()], "q"));
        if (Kind is { } kind) chips.Add((T.Enum(kind), "kind"));
        if (Quarter is { } quarter) chips.Add((quarter, "quarter"));
        if (WithHeadcount == true) chips.Add((T["Delivery.HeadcountColumn"], "withHeadcount"));
        if (Activity is { } activityId && Project.Project.Activities.FirstOrDefault(a => a.Id == activityId) is { } activity)
            chips.Add(($"„{activity.Title}“", "activity"));
        Chips = chips.Select(x => new Infrastructure.Web.FilterChip(x.Label,
            Infrastructure.Web.FilterChip.Without(Request.Path, Request.Query, x.Key))).ToList();
        return Page();
    }
}
