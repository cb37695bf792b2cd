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
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public string SortedBy => ParticipantFilter.Sorts.Contains(Sort) ? Sort! : "code";
    public IReadOnlyList<Infrastructure.Web.FilterChip> Chips { get; private set; } = [];

    public Infrastructure.Web.SortHeading Heading(string label, string sort, string? css = null) =>
        Infrastructure.Web.SortHeading.For(label, sort, SortedBy, Request.Path, Request.Query, sort == "events", css);
    // From the query only: Razor Pages keeps its own "page" route value (the page's path), which a bound "page"
    // would read instead.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Organisations.Page<ParticipantRow> Result { get; private set; } = new([], 1, DeliveryQueries.ParticipantPageSize, 0);
    public IReadOnlyList<ParticipantRow> Participants => Result.Items;

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        Result = await queries.ParticipantPageAsync(Project,
            new ParticipantFilter(Category, Municipality, Gender, AgeBand, TargetGroup, Quarter, EventId, Kind, Attended, Unstated, Dimension,
                Search, ParticipantFilter.Sorts.Contains(Sort) ? Sort : null), PageNumber);
        // Each filter in force as a chip that takes it away.
        var chips = new List<(string Label, string[] Keys)>();
        if (!string.IsNullOrWhiteSpace(Search)) chips.Add((T["Filters.Search", Search.Trim()], ["q"]));
        if (Attended == true) chips.Add((T["Delivery.AttendedSomething"], ["attended"]));
        if (Category is { } c) chips.Add((T.Enum(c), ["category"]));
        if (Municipality is { } m) chips.Add((m, ["municipality"]));
        if (Gender is { } g) chips.Add((T.Enum(g), ["gender"]));
        if (AgeBand is { } a) chips.Add((T.Enum(a), ["ageBand"]));
        if (TargetGroup is { } t) chips.Add((T.Enum(t), ["targetGroup"]));
        if (Quarter is { } q) chips.Add((q, ["quarter"]));
        if (Kind is { } k) chips.Add((T.Enum(k), ["kind"]));
        if (EventId is { } e && await queries.EventAsync(Project, e) is { } ev) chips.Add((ev.Topic, ["eventId"]));
        if (Unstated && Dimension is { } d) chips.Add((T["Dimension." + d] + ": " + T["Common.NotStated"], ["unstated", "dimension"]));
        Chips = chips.Select(x => new Infrastructure.Web.FilterChip(x.Label,
            Infrastructure.Web.FilterChip.Without(Request.Path, Request.Query, x.Keys))).ToList();
        return Page();
    }
}
