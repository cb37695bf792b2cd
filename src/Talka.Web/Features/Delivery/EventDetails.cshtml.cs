using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Common;
using Talka.Domain.Delivery;

namespace Talka.Web.Features.Delivery;

public sealed class AttendanceForm
{
    public Guid ParticipantId { get; set; }
    public bool Attended { get; set; }
    public string? Hours { get; set; }
}

public sealed record AttendanceLine(Guid ParticipantId, string Code, string? Name, ParticipantCategory Category, bool Attended, string? Hours);

public sealed class EventDetailsModel(DeliveryQueries queries, DeliveryService service, Evidence.EvidenceService evidence) : DeliveryPage
{
    public EventRow? Event { get; private set; }
    public IReadOnlyList<AttendanceRow> Attendance { get; private set; } = [];
    public IReadOnlyList<AttendanceLine> Rows { get; private set; } = [];
    public IReadOnlyList<Evidence.EvidenceRow> Files { get; private set; } = [];
    [BindProperty] public List<AttendanceForm> Marks { get; set; } = [];
    /// <summary>The event's version the attendance list was made from.</summary>
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId, Guid eventId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        return await LoadAsync(eventId) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid projectId, Guid eventId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        var marks = new List<AttendanceMark>();
        foreach (var mark in Marks.Where(m => m.Attended))
        {
            decimal? hours = null;
            if (!string.IsNullOrWhiteSpace(mark.Hours))
            {
                if (LtFormat.TryParseAmount(mark.Hours, out var parsed)) hours = parsed;
                else ModelState.AddModelError("", T["Error.NumberInvalid"]);
            }
            marks.Add(new AttendanceMark(mark.ParticipantId, hours));
        }
        if (ModelState.ErrorCount == 0)
        {
            var result = await service.SetAttendanceAsync(projectId, eventId, new AttendanceInput(marks, Version));
            if (await FailureAsync(result, "Marks") is { } failure) return failure;
            if (result.Ok)
            {
                TempData["Saved"] = T["Delivery.AttendanceSaved", T.Count("Noun.Participant", result.Value)];
                return Redirect($"/projects/{projectId}/events/{eventId}");
            }
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
            if (result.Ok)
            {
                TempData["Saved"] = T["Evidence.Saved", file.FileName];
                return Redirect($"/projects/{projectId}/events/{eventId}");
            }
        }
        return await LoadAsync(eventId) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid eventId)
    {
        Event = await queries.EventAsync(Project, eventId);
        if (Event is null) return NotFound();
        // The rows below are read afresh, so the form carries the version they were read at.
        Version = Event.Version;
        Attendance = await queries.AttendanceAsync(eventId);
        Files = await evidence.ListAsync(Project, EvidenceOwner.Event, eventId);
        var attended = Attendance.ToDictionary(a => a.ParticipantId);
        var people = await queries.ParticipantsAsync(Project);
        Rows = people.Select(p => new AttendanceLine(p.Id, p.Code, p.DisplayName, p.Category, attended.ContainsKey(p.Id),
            attended.TryGetValue(p.Id, out var a) && a.AcademicHours is { } h ? LtFormat.Number(h) : null)).ToList();
        return null;
    }
}
