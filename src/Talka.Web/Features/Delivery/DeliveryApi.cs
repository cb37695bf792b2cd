using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Delivery;
using Talka.Domain.Indicators;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Delivery;

public sealed record ManualActualInput(decimal Value, string? Evidence);

public sealed record FigureDto(Metric Metric, decimal Value, IReadOnlyList<Part> Parts);
/// <summary>How many records a list replaced.</summary>
public sealed record SavedCount(int Count);

public sealed record IndicatorsDto(Guid ProjectId, IReadOnlyList<FigureDto> Figures, int EventsWithoutDuration, IReadOnlyList<IndicatorRow> Planned);

public static class DeliveryApi
{
    public static void MapDeliveryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:guid}").WithTags("Delivery").RequireAuthorization();

        group.MapGet("/events", (Guid projectId, EventKind? kind, string? quarter, [FromQuery(Name = "page")] int? page, ProjectGate gate,
                DeliveryQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => Results.Ok(await q.EventPageAsync(c, new EventFilter(kind, quarter), page ?? 1, ct))))
            .Returns<Organisations.Page<EventRow>>("List the project's events by number, filtered, 50 a page (?page=2…)");
        // Each register whole, as XLSX or CSV (";", decimal comma), for whoever may read the project's records.
        foreach (var register in new[] { "events", "volunteers", "deliverables" })
        {
            group.MapGet($"/{register}/export", (Guid projectId, string? format, ProjectGate gate, RegisterExports x, Texts t,
                    CancellationToken ct) =>
                Read(projectId, gate, t, ct, async c =>
                {
                    var file = register switch
                    {
                        "events" => await x.EventsAsync(c, format ?? "csv", ct),
                        "volunteers" => await x.VolunteersAsync(c, format ?? "csv", ct),
                        _ => await x.DeliverablesAsync(c, format ?? "csv", ct),
                    };
                    return Results.File(file.Content, file.ContentType, file.FileName);
                }))
                .ReturnsFile($"The project's {register}, the whole register, as CSV (;, decimal comma) or XLSX", "text/csv", ApiDocs.Xlsx);
        }
        group.MapGet("/events/{eventId:guid}", (Guid projectId, Guid eventId, ProjectGate gate, DeliveryQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => await q.EventAsync(c, eventId, ct) is { } e ? Results.Ok(e) : ApiResults.NotFound(t)))
            .Returns<EventRow>("Get an event (with how many attended it)");
        group.MapGet("/events/{eventId:guid}/attendance", (Guid projectId, Guid eventId, string? q, AttendanceShown? shown, Guid? attendedEvent,
                [FromQuery(Name = "page")] int? page, ProjectGate gate, DeliveryQueries queries, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => await queries.EventAsync(c, eventId, ct) is null ? ApiResults.NotFound(t)
                : Results.Ok(await queries.AttendancePageAsync(c, eventId, new AttendanceSelection(q, attendedEvent), shown ?? AttendanceShown.All,
                    page ?? 1, ct))))
            .Returns<Organisations.Page<AttendanceLine>>(
                "List the project's participants as marked or not for an event: ?q= searches number and name, ?shown=Attended|Absent, " +
                "?attendedEvent= those who attended another event; 50 a page (?page=2…)");
        group.MapMethods("/events/{eventId:guid}/attendance", ["PATCH"], async (Guid projectId, Guid eventId, AttendanceChanges input,
                DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.ChangeAttendanceAsync(projectId, eventId, input, ct)).ToHttp(t, count => Results.Ok(new SavedCount(count))))
            .Returns<SavedCount>("Mark and unmark participants of an event (how many changed)");
        group.MapPost("/events/{eventId:guid}/attendance/bulk", async (Guid projectId, Guid eventId, AttendanceBulk input,
                DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.BulkAttendanceAsync(projectId, eventId, input, ct)).ToHttp(t, count => Results.Ok(new SavedCount(count))))
            .Returns<SavedCount>("Mark (or unmark) everyone a search finds, or everyone who attended another event (how many changed)");
        group.MapPost("/events", async (Guid projectId, EventInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveEventAsync(projectId, null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/events/{id}", new CreatedId(id))))
            .ReturnsCreated("Record an event");
        group.MapPut("/events/{eventId:guid}", async (Guid projectId, Guid eventId, EventInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveEventAsync(projectId, eventId, input, ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Change an event");
        group.MapPut("/events/{eventId:guid}/attendance", async (Guid projectId, Guid eventId, AttendanceInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SetAttendanceAsync(projectId, eventId, input, ct)).ToHttp(t, count => Results.Ok(new SavedCount(count))))
            .Returns<SavedCount>("Replace who attended an event");

        group.MapGet("/participants", (Guid projectId, [AsParameters] ParticipantQuery query, ProjectGate gate, DeliveryQueries q, Texts t,
                CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => Results.Ok(await q.ParticipantPageAsync(c, query.ToFilter(), query.Page ?? 1, ct))))
            .Returns<Organisations.Page<ParticipantRow>>("List the project's participants, filtered, 50 a page (?page=2…)");
        group.MapPost("/participants", async (Guid projectId, ParticipantInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveParticipantAsync(projectId, null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/participants/{id}", new CreatedId(id))))
            .ReturnsCreated("Register a participant");
        group.MapPut("/participants/{participantId:guid}", async (Guid projectId, Guid participantId, ParticipantInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveParticipantAsync(projectId, participantId, input, ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Change a participant");

        group.MapGet("/volunteers", (Guid projectId, [FromQuery(Name = "page")] int? page, ProjectGate gate, DeliveryQueries q, Texts t,
                CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => Results.Ok(await q.VolunteerPageAsync(c, page ?? 1, ct))))
            .Returns<Organisations.Page<VolunteerRow>>("List the project's volunteers by name, 50 a page (?page=2…)");
        group.MapPost("/volunteers", async (Guid projectId, VolunteerInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveVolunteerAsync(projectId, null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/volunteers/{id}", new CreatedId(id))))
            .ReturnsCreated("Register a volunteer");
        group.MapPost("/volunteers/{volunteerId:guid}/hours", async (Guid projectId, Guid volunteerId, VolunteerHoursInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.LogVolunteerHoursAsync(projectId, volunteerId, input, ct)).ToHttp(t, id => Results.Ok(new CreatedId(id))))
            .Returns<CreatedId>("Log a volunteer's hours");

        group.MapGet("/deliverables", (Guid projectId, DeliverableKind? kind, [FromQuery(Name = "page")] int? page, ProjectGate gate,
                DeliveryQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => Results.Ok(await q.DeliverablePageAsync(c, kind, page ?? 1, ct))))
            .Returns<Organisations.Page<DeliverableRow>>("List the project's deliverables by date, filtered by kind, 50 a page (?page=2…)");
        group.MapPost("/deliverables", async (Guid projectId, DeliverableInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveDeliverableAsync(projectId, null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/deliverables/{id}", new CreatedId(id))))
            .ReturnsCreated("Record a deliverable");

        group.MapGet("/indicators", (Guid projectId, ProjectGate gate, IndicatorQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c =>
            {
                var report = await q.ForAsync(c, ct);
                return Results.Ok(new IndicatorsDto(projectId, report.Computed.Figures.Select(f => new FigureDto(f.Metric, f.Value, f.Parts)).ToList(),
                    report.Computed.EventsWithoutDuration, report.Planned));
            }))
            .Returns<IndicatorsDto>("The indicators computed from the records, with the plan's targets");
        group.MapPut("/indicators/{indicatorId:guid}/manual", async (Guid projectId, Guid indicatorId, ManualActualInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.RecordManualActualAsync(projectId, indicatorId, input.Value, input.Evidence, ct)).ToHttp(t, _ => Results.NoContent()))
            .ReturnsNothing("Record the actual value of a manual indicator");
    }

    private static async Task<IResult> Read(Guid projectId, ProjectGate gate, Texts t, CancellationToken ct, Func<ProjectContext, Task<IResult>> read)
    {
        var context = await gate.FindAsync(projectId, ct);
        return ProjectGate.ReadRefusal(context) is null ? await read(context!) : ApiResults.NotFound(t);
    }
}

/// <summary>The participant list's query string. Settable properties rather than a positional record: the request
/// delegate generator's code for a positional record with nullable reference parameters does not compile (CS8639).
/// </summary>
public sealed record ParticipantQuery
{
    public ParticipantCategory? Category { get; init; }
    public string? Municipality { get; init; }
    public Gender? Gender { get; init; }
    public AgeBand? AgeBand { get; init; }
    public TargetGroup? TargetGroup { get; init; }
    public string? Quarter { get; init; }
    public Guid? EventId { get; init; }
    public EventKind? Kind { get; init; }
    public bool? Attended { get; init; }
    public int? Page { get; init; }

    public ParticipantFilter ToFilter() =>
        new(Category, Municipality, Gender, AgeBand, TargetGroup, Quarter, EventId, Kind, Attended);
}
