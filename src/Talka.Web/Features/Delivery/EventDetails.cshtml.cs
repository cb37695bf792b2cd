using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Talka.Domain.Common;
using Talka.Domain.Delivery;

namespace Talka.Web.Features.Delivery;

/// <summary>One row of a page of the attendance list as posted back: whether the participant was marked when the page
/// was shown, and whether they are now. Only the rows whose mark or hours changed are saved.</summary>
public sealed class AttendanceForm
{
    public Guid ParticipantId { get; set; }
    public bool Was { get; set; }
    public bool Attended { get; set; }
    public string? WasHours { get; set; }
    public string? Hours { get; set; }
}

/// <summary>A row of the attendance list as the page shows it (the posted values again after an error).</summary>
public sealed record AttendanceView(AttendanceLine Line, bool Attended, string? Hours);

/// <summary>An event, its evidence files and its attendance list: a page of the project's participants at a time,
/// searched and filtered on the server, saved as changes (mark, unmark), with "mark all found" and "copy from another
/// event" done in the database. The whole register is never rendered or posted.</summary>
public sealed class EventDetailsModel(DeliveryQueries queries, DeliveryService service, Evidence.EvidenceService evidence) : DeliveryPage
{
    public EventRow? Event { get; private set; }
    public Organisations.Page<AttendanceLine> List { get; private set; } = new([], 1, DeliveryQueries.AttendancePageSize, 0);
    public IReadOnlyList<AttendanceView> Rows { get; private set; } = [];
    public IReadOnlyList<EventChoice> OtherEvents { get; private set; } = [];
    public IReadOnlyList<Evidence.EvidenceRow> Files { get; private set; } = [];
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "shown")] public AttendanceShown Shown { get; set; }
    // From the query only: Razor Pages keeps its own "page" route value.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public List<AttendanceForm> Marks { get; set; } = [];
    [BindProperty] public Guid? CopyFrom { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId, Guid eventId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        return await LoadAsync(eventId) ?? Page();
    }

    /// <summary>Saves the changes made on the shown page of the list.</summary>
    public async Task<IActionResult> OnPostAsync(Guid projectId, Guid eventId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        var mark = new List<AttendanceMark>();
        var unmark = new List<Guid>();
        foreach (var row in Marks)
        {
            if (!row.Attended)
            {
                if (row.Was) unmark.Add(row.ParticipantId);
                continue;
            }
            decimal? hours = null;
            if (!string.IsNullOrWhiteSpace(row.Hours))
            {
                if (LtFormat.TryParseAmount(row.Hours, out var parsed)) hours = parsed;
                else
                {
                    ModelState.AddModelError("", T["Error.NumberInvalid"]);
                    continue;
                }
            }
            if (!row.Was || (row.Hours ?? "").Trim() != (row.WasHours ?? "").Trim()) mark.Add(new AttendanceMark(row.ParticipantId, hours));
        }
        if (ModelState.ErrorCount == 0)
        {
            var result = await service.ChangeAttendanceAsync(projectId, eventId, new AttendanceChanges(mark, unmark));
            if (await FailureAsync(result, "Marks") is { } failure) return failure;
            if (result.Ok) return Saved(result.Value == 0 ? T["Delivery.AttendanceUnchanged"]
                : T["Delivery.AttendanceSaved", T.Count("Noun.Participant", result.Value)]);
        }
        return await LoadAsync(eventId, Marks) ?? Page();
    }

    /// <summary>Marks everyone the search finds (the whole register when there is no search).</summary>
    public Task<IActionResult> OnPostMarkAllAsync(Guid projectId, Guid eventId) =>
        BulkAsync(projectId, eventId, new AttendanceBulk(true, Search), "Delivery.AttendanceMarked");

    /// <summary>Unmarks everyone the search finds.</summary>
    public Task<IActionResult> OnPostUnmarkAllAsync(Guid projectId, Guid eventId) =>
        BulkAsync(projectId, eventId, new AttendanceBulk(false, Search), "Delivery.AttendanceUnmarked");

    /// <summary>Marks everyone who attended another event of the project.</summary>
    public Task<IActionResult> OnPostCopyAsync(Guid projectId, Guid eventId)
    {
        if (CopyFrom is null) ModelState.AddModelError(nameof(CopyFrom), T["Error.Required"]);
        return BulkAsync(projectId, eventId, new AttendanceBulk(true, null, CopyFrom), "Delivery.AttendanceMarked");
    }

    private async Task<IActionResult> BulkAsync(Guid projectId, Guid eventId, AttendanceBulk bulk, string message)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        if (ModelState.ErrorCount == 0)
        {
            var result = await service.BulkAttendanceAsync(projectId, eventId, bulk);
            if (await FailureAsync(result, nameof(CopyFrom)) is { } failure) return failure;
            if (result.Ok) return Saved(result.Value == 0 ? T["Delivery.AttendanceUnchanged"]
                : T[message, T.Count("Noun.Participant", result.Value)]);
        }
        return await LoadAsync(eventId) ?? Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid projectId, Guid eventId, IFormFile? file)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        if (file is null || file.Length == 0) ModelState.AddModelError("", T["Error.FileEmpty"]);
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await evidence.UploadAsync(projectId, EvidenceOwner.Event, eventId, stream, file.FileName, file.Length);
            if (await FailureAsync(result, "Evidence") is { } failure) return failure;
            if (result.Ok) return Saved(T["Evidence.Saved", file.FileName]);
        }
        return await LoadAsync(eventId) ?? Page();
    }

    /// <summary>This page's address with the list's search, filter and page, and a handler for a form.</summary>
    public string Link(string? handler = null, int? page = null, AttendanceShown? shown = null)
    {
        var values = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(Search)) values["q"] = Search;
        if ((shown ?? Shown) != AttendanceShown.All) values["shown"] = (shown ?? Shown).ToString();
        if ((page ?? PageNumber) > 1) values["page"] = (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (handler is not null) values["handler"] = handler;
        return QueryHelpers.AddQueryString($"/projects/{ProjectId}/events/{Event?.Id ?? RouteEventId}", values);
    }

    private Guid RouteEventId => Guid.TryParse(RouteData.Values["eventId"]?.ToString(), out var id) ? id : Guid.Empty;

    private RedirectResult Saved(string message)
    {
        TempData["Saved"] = message;
        return Redirect(Link());
    }

    private async Task<IActionResult?> LoadAsync(Guid eventId, IReadOnlyList<AttendanceForm>? posted = null)
    {
        Event = await queries.EventAsync(Project, eventId);
        if (Event is null) return NotFound();
        Files = await evidence.ListAsync(Project, EvidenceOwner.Event, eventId);
        List = await queries.AttendancePageAsync(Project, eventId, new AttendanceSelection(Search), Shown, PageNumber);
        var again = (posted ?? []).ToDictionary(p => p.ParticipantId);
        Rows = List.Items.Select(line => again.TryGetValue(line.ParticipantId, out var p)
            ? new AttendanceView(line, p.Attended, p.Hours)
            : new AttendanceView(line, line.Attended, line.AcademicHours is { } h ? LtFormat.Number(h) : null)).ToList();
        if (Project.CanWrite) OtherEvents = (await queries.EventChoicesAsync(Project)).Where(e => e.Id != eventId).ToList();
        return null;
    }
}
