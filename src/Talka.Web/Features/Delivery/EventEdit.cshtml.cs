using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;

namespace Talka.Web.Features.Delivery;

public sealed class EventForm
{
    public Guid? ActivityId { get; set; }
    public EventKind Kind { get; set; } = EventKind.Training;
    public string? Topic { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public int Sessions { get; set; } = 1;
    public string? HoursPerSession { get; set; }
    public HourUnit HourUnit { get; set; }
    public bool Online { get; set; }
    public string? Venue { get; set; }
    public string? Municipality { get; set; }
    public string? Trainers { get; set; }
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public int? Headcount { get; set; }
    /// <summary>The sessions' dates as typed: yyyy-MM-dd, separated by commas, semicolons or spaces.</summary>
    public string? SessionDates { get; set; }
    public int Version { get; set; }
}

public sealed class EventEditModel(DeliveryQueries queries, DeliveryService service) : DeliveryPage
{
    [BindProperty] public EventForm Input { get; set; } = new();
    public Guid? EventId { get; private set; }
    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<EventKind>().Select(k => new SelectListItem(T.Enum(k), k.ToString()));
    public IEnumerable<SelectListItem> Units => Enum.GetValues<HourUnit>().Select(u => new SelectListItem(T.Enum(u), u.ToString()));
    /// <summary>The plan's activities; choosing one sets the event's kind to the activity's (one list of kinds).</summary>
    public IEnumerable<Talka.Domain.Projects.Activity> ActivityOptions => Project.Project.Activities.OrderBy(a => a.Position);
    public IEnumerable<SelectListItem> MunicipalityItems => Municipalities.All.Select(m => new SelectListItem(m, m));

    public async Task<IActionResult> OnGetAsync(Guid projectId, Guid? eventId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        EventId = eventId;
        if (eventId is { } id)
        {
            var e = await queries.EventAsync(Project, id);
            if (e is null) return NotFound();
            Input = new EventForm
            {
                ActivityId = e.ActivityId, Kind = e.Kind, Topic = e.Topic, Start = e.Start, End = e.End, Sessions = e.Sessions,
                HoursPerSession = e.HoursPerSession is { } h ? LtFormat.Number(h) : null, HourUnit = e.HourUnit, Online = e.Online, Venue = e.Venue,
                Municipality = e.Municipality, Trainers = e.Trainers, TargetGroups = e.TargetGroups.ToList(), Headcount = e.Headcount, Version = e.Version,
                SessionDates = string.Join(", ", e.SessionDates.Select(LtFormat.Date)),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid projectId, Guid? eventId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        EventId = eventId;
        var i = Input;
        var hours = Number(i.HoursPerSession, nameof(i.HoursPerSession));
        var dates = new List<DateOnly>();
        foreach (var token in (i.SessionDates ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var day)) dates.Add(day);
            else ModelState.AddModelError("Input.SessionDates", T["Error.SessionDateInvalid", token]);
        }
        if (ModelState.ErrorCount > 0) return Page();
        var result = await service.SaveEventAsync(projectId, eventId, new EventInput(i.ActivityId, i.Kind, i.Topic, i.Start, i.End, i.Sessions, hours,
            i.HourUnit, i.Online, i.Venue, i.Municipality, i.Trainers, i.TargetGroups, i.Headcount, i.Version, dates));
        if (await FailureAsync(result) is { } failure) return failure;
        if (!result.Ok) return Page();
        TempData["Saved"] = T["Delivery.EventSaved"];
        return Redirect($"/projects/{projectId}/events/{result.Value}");
    }
}
