using Talka.Domain.Delivery;
using Talka.Domain.Indicators;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Delivery;

public sealed record ManualActualInput(decimal Value, string? Evidence);

public sealed record FigureDto(Metric Metric, decimal Value, IReadOnlyList<Part> Parts);
public sealed record IndicatorsDto(Guid ProjectId, IReadOnlyList<FigureDto> Figures, int EventsWithoutDuration, IReadOnlyList<IndicatorRow> Planned);

public static class DeliveryApi
{
    public static void MapDeliveryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:guid}").WithTags("Delivery").RequireAuthorization();

        group.MapGet("/events", (Guid projectId, EventKind? kind, string? quarter, ProjectGate gate, DeliveryQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => Results.Ok(await q.EventsAsync(c, new EventFilter(kind, quarter), ct))));
        group.MapGet("/events/{eventId:guid}", (Guid projectId, Guid eventId, ProjectGate gate, DeliveryQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => await q.EventAsync(c, eventId, ct) is { } e
                ? Results.Ok(new { Event = e, Attendance = await q.AttendanceAsync(eventId, ct) }) : ApiResults.NotFound(t)));
        group.MapPost("/events", async (Guid projectId, EventInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveEventAsync(projectId, null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/events/{id}", new { id })));
        group.MapPut("/events/{eventId:guid}", async (Guid projectId, Guid eventId, EventInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveEventAsync(projectId, eventId, input, ct)).ToHttp(t, _ => Results.NoContent()));
        group.MapPut("/events/{eventId:guid}/attendance", async (Guid projectId, Guid eventId, AttendanceInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SetAttendanceAsync(projectId, eventId, input, ct)).ToHttp(t, count => Results.Ok(new { count })));

        group.MapGet("/participants", (Guid projectId, [AsParameters] ParticipantQuery query, ProjectGate gate, DeliveryQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => Results.Ok(await q.ParticipantsAsync(c, query.ToFilter(), ct))));
        group.MapPost("/participants", async (Guid projectId, ParticipantInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveParticipantAsync(projectId, null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/participants/{id}", new { id })));
        group.MapPut("/participants/{participantId:guid}", async (Guid projectId, Guid participantId, ParticipantInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveParticipantAsync(projectId, participantId, input, ct)).ToHttp(t, _ => Results.NoContent()));

        group.MapGet("/volunteers", (Guid projectId, ProjectGate gate, DeliveryQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => Results.Ok(await q.VolunteersAsync(c, ct))));
        group.MapPost("/volunteers", async (Guid projectId, VolunteerInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveVolunteerAsync(projectId, null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/volunteers/{id}", new { id })));
        group.MapPost("/volunteers/{volunteerId:guid}/hours", async (Guid projectId, Guid volunteerId, VolunteerHoursInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.LogVolunteerHoursAsync(projectId, volunteerId, input, ct)).ToHttp(t, id => Results.Ok(new { id })));

        group.MapGet("/deliverables", (Guid projectId, DeliverableKind? kind, ProjectGate gate, DeliveryQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c => Results.Ok(await q.DeliverablesAsync(c, kind, ct))));
        group.MapPost("/deliverables", async (Guid projectId, DeliverableInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.SaveDeliverableAsync(projectId, null, input, ct)).ToHttp(t, id => Results.Created($"/api/v1/projects/{projectId}/deliverables/{id}", new { id })));

        group.MapGet("/indicators", (Guid projectId, ProjectGate gate, IndicatorQueries q, Texts t, CancellationToken ct) =>
            Read(projectId, gate, t, ct, async c =>
            {
                var report = await q.ForAsync(c, ct);
                return Results.Ok(new IndicatorsDto(projectId, report.Computed.Figures.Select(f => new FigureDto(f.Metric, f.Value, f.Parts)).ToList(),
                    report.Computed.EventsWithoutDuration, report.Planned));
            }));
        group.MapPut("/indicators/{indicatorId:guid}/manual", async (Guid projectId, Guid indicatorId, ManualActualInput input, DeliveryService s, Texts t, CancellationToken ct) =>
            (await s.RecordManualActualAsync(projectId, indicatorId, input.Value, input.Evidence, ct)).ToHttp(t, _ => Results.NoContent()));
    }

    private static async Task<IResult> Read(Guid projectId, ProjectGate gate, Texts t, CancellationToken ct, Func<ProjectContext, Task<IResult>> read)
    {
        var context = await gate.FindAsync(projectId, ct);
        return ProjectGate.ReadRefusal(context) is null ? await read(context!) : ApiResults.NotFound(t);
    }
}

public sealed record ParticipantQuery(
    ParticipantCategory? Category, string? Municipality, Gender? Gender, AgeBand? AgeBand, TargetGroup? TargetGroup,
    string? Quarter, Guid? EventId, EventKind? Kind, bool? Attended)
{
    public ParticipantFilter ToFilter() => new(Category, Municipality, Gender, AgeBand, TargetGroup, Quarter, EventId, Kind, Attended);
}
