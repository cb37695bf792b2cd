using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;

namespace Talka.Web.Features.Delivery;

/// <summary>The participant register; with filters it is the list of records behind a figure.</summary>
public sealed class ParticipantsModel(DeliveryQueries queries) : DeliveryPage
{
    [BindProperty(SupportsGet = true)] public ParticipantCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public Gender? Gender { get; set; }
    [BindProperty(SupportsGet = true)] public AgeBand? AgeBand { get; set; }
    [BindProperty(SupportsGet = true)] public TargetGroup? TargetGroup { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? EventId { get; set; }
    [BindProperty(SupportsGet = true)] public EventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Attended { get; set; }
    [BindProperty(SupportsGet = true)] public bool Unstated { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dimension { get; set; }
    // From the query only: Razor Pages keeps its own "page" route value (the page's path), which a bound "page"
    // would read instead.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Organisations.Page<ParticipantRow> Result { get; private set; } = new([], 1, DeliveryQueries.ParticipantPageSize, 0);
    public IReadOnlyList<ParticipantRow> Participants => Result.Items;
    public string? FilterText { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        Result = await queries.ParticipantPageAsync(Project,
            new ParticipantFilter(Category, Municipality, Gender, AgeBand, TargetGroup, Quarter, EventId, Kind, Attended, Unstated, Dimension), PageNumber);
        var parts = new List<string>();
        if (Attended == true) parts.Add(T["Delivery.AttendedSomething"]);
        if (Category is { } c) parts.Add(T.Enum(c));
        if (Municipality is { } m) parts.Add(m);
        if (Gender is { } g) parts.Add(T.Enum(g));
        if (AgeBand is { } a) parts.Add(T.Enum(a));
        if (TargetGroup is { } t) parts.Add(T.Enum(t));
        if (Quarter is { } q) parts.Add(q);
        if (Kind is { } k) parts.Add(T.Enum(k));
        if (EventId is { } e && await queries.EventAsync(Project, e) is { } ev) parts.Add(ev.Topic);
        if (Unstated && Dimension is { } d) parts.Add(T["Dimension." + d] + ": " + T["Common.NotStated"]);
        FilterText = parts.Count == 0 ? null : T["Delivery.Filtered", string.Join(", ", parts)];
        return Page();
    }
}
