using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Delivery;

namespace Talka.Web.Features.Delivery;

public sealed class EventsModel(DeliveryQueries queries) : DeliveryPage
{
    [BindProperty(SupportsGet = true)] public EventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public bool? WithHeadcount { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Activity { get; set; }
    // From the query only: Razor Pages keeps its own "page" route value.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Organisations.Page<EventRow> Result { get; private set; } = new([], 1, DeliveryQueries.EventPageSize, 0);
    public IReadOnlyList<EventRow> Events => Result.Items;
    public string? FilterText { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        Result = await queries.EventPageAsync(Project, new EventFilter(Kind, Quarter, WithHeadcount, Activity), PageNumber);
        var parts = new List<string>();
        if (Kind is { } kind) parts.Add(T.Enum(kind));
        if (Quarter is { } quarter) parts.Add(quarter);
        if (WithHeadcount == true) parts.Add(T["Delivery.HeadcountColumn"]);
        if (Activity is { } activityId && Project.Project.Activities.FirstOrDefault(a => a.Id == activityId) is { } activity)
            parts.Add($"„{activity.Title}“");
        FilterText = parts.Count == 0 ? null : T["Delivery.Filtered", string.Join(", ", parts)];
        return Page();
    }
}
