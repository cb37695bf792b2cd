using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Delivery;

namespace Talka.Web.Features.Delivery;

public sealed class EventsModel(DeliveryQueries queries) : DeliveryPage
{
    [BindProperty(SupportsGet = true)] public EventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public bool? WithHeadcount { get; set; }
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public string? FilterText { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        Events = await queries.EventsAsync(Project, new EventFilter(Kind, Quarter, WithHeadcount));
        var parts = new List<string>();
        if (Kind is { } kind) parts.Add(T.Enum(kind));
        if (Quarter is { } quarter) parts.Add(quarter);
        if (WithHeadcount == true) parts.Add(T["Delivery.HeadcountColumn"]);
        FilterText = parts.Count == 0 ? null : T["Delivery.Filtered", string.Join(", ", parts)];
        return Page();
    }
}
