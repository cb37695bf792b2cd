using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Delivery;

public sealed record EventInput(
    Guid? ActivityId, EventKind Kind, string? Topic, DateOnly? Start, DateOnly? End, int Sessions, decimal? HoursPerSession,
    HourUnit HourUnit, bool Online, string? Venue, string? Municipality, string? Trainers, IReadOnlyList<TargetGroup>? TargetGroups,
    int? Headcount, int Version = 0, IReadOnlyList<DateOnly>? SessionDates = null)
{
    internal EventDetails ToDetails() => new(ActivityId, Kind, Topic ?? "",
        Start ?? throw new DomainException("Required", nameof(Start)), End ?? Start ?? throw new DomainException("Required", nameof(End)),
        Sessions, HoursPerSession, HourUnit, Online, Venue, Municipality, Trainers, TargetGroups ?? [], Headcount, SessionDates);
}

/// <param name="PersonalIdentifier">A personal code or e-mail, used only to compute the keyed hash; never
/// stored.</param>
public sealed record ParticipantInput(
    string? Code, string? DisplayName, ParticipantCategory Category, string? Organisation, string? Municipality,
    Gender? Gender, AgeBand? AgeBand, TargetGroup? TargetGroup, bool Consent, string? PersonalIdentifier = null, int Version = 0)
{
    internal ParticipantDetails ToDetails() => new(Code ?? "", DisplayName, Category, Organisation, Municipality, Gender, AgeBand, TargetGroup, Consent);
}

/// <param name="AcademicHours">Hours attended; null for the whole event.</param>
public sealed record AttendanceMark(Guid ParticipantId, decimal? AcademicHours = null);

/// <summary>Who attended an event, replacing its list; <see cref="Version"/> is the event's version the list was made
/// from.</summary>
public sealed record AttendanceInput(IReadOnlyList<AttendanceMark> Marks, int Version);

/// <summary>Changes to who attended an event: participants to mark (with hours attended, when not the whole event)
/// and to unmark. Changes sent by two people at once both apply: neither replaces the other's list.</summary>
public sealed record AttendanceChanges(IReadOnlyList<AttendanceMark>? Mark = null, IReadOnlyList<Guid>? Unmark = null);

/// <summary>Marks (or unmarks) everyone a selection takes: all the participants a search finds, or all who attended
/// another event of the project (copying its attendance).</summary>
public sealed record AttendanceBulk(bool Attended, string? Search = null, Guid? AttendedEvent = null);

public sealed record VolunteerInput(string? Name, string? Role, DateOnly? RecruitedOn, bool Trained, bool Active);
public sealed record VolunteerHoursInput(DateOnly? Day, decimal Hours, Guid? ActivityId, Guid? EventId, string? Note);

public sealed record DeliverableInput(
    Guid? ActivityId, DeliverableKind Kind, string? Title, DateOnly? Date, string? PresentedTo, int? SurveySent, int? SurveyAnswered,
    string? Auditor, string? Description)
{
    internal DeliverableDetails ToDetails() => new(ActivityId, Kind, Title ?? "", Date, PresentedTo, SurveySent, SurveyAnswered, Auditor, Description);
}

/// <summary>Writes of a project's delivery records. Pages and the API call these; each checks the project
/// first.</summary>
public sealed class DeliveryService(TalkaDbContext db, ProjectGate gate, Writes writes, PersonKeySecret keys, AuditSettings audit,
    Infrastructure.Localization.Texts texts, FiguresInterceptor figures)
{
    private static Result<T> Refused<T>(Outcome outcome) => outcome == Outcome.Forbidden ? Result<T>.Forbidden() : Result<T>.NotFound();

    public Task<Result<Guid>> SaveEventAsync(Guid projectId, Guid? eventId, EventInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal) return Refused<Guid>(refusal);
        var activityIds = context!.Project.Activities.Select(a => a.Id).ToList();
        Event entity;
        if (eventId is { } id)
        {
            var found = await db.Set<Event>().Include(e => e.TargetGroups).SingleOrDefaultAsync(e => e.Id == id && e.ProjectId == projectId, ct);
            if (found is null) return Result<Guid>.NotFound();
            entity = found;
            writes.ExpectVersion(entity, input.Version);
            entity.Update(context.Period, activityIds, input.ToDetails());
        }
        else
        {
            var number = (await db.Set<Event>().Where(e => e.ProjectId == projectId).MaxAsync(e => (int?)e.Number, ct) ?? 0) + 1;
            entity = new Event(projectId, number, context.Period, activityIds, input.ToDetails());
            db.Add(entity);
        }
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(entity.Id);
    });

    public Task<Result<Guid>> SaveParticipantAsync(Guid projectId, Guid? participantId, ParticipantInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        if (ProjectGate.WriteRefusal(await gate.FindAsync(projectId, ct)) is { } refusal) return Refused<Guid>(refusal);
        var key = string.IsNullOrWhiteSpace(input.PersonalIdentifier) ? null
            : keys.KeyFor(PersonIdentifier.Parse(input.PersonalIdentifier, nameof(input.PersonalIdentifier)));
        Participant participant;
        if (participantId is { } id)
        {
            var found = await db.Set<Participant>().SingleOrDefaultAsync(p => p.Id == id && p.ProjectId == projectId, ct);
            if (found is null) return Result<Guid>.NotFound();
            participant = found;
            writes.ExpectVersion(participant, input.Version);
            participant.Update(input.ToDetails(), key);
        }
        else
        {
            participant = new Participant(projectId, input.ToDetails(), key);
            db.Add(participant);
        }
        if (await db.Set<Participant>().AnyAsync(p => p.ProjectId == projectId && p.Code == participant.Code && p.Id != participant.Id, ct))
            throw new DomainException("ParticipantCodeTaken", nameof(input.Code), participant.Code);
        // One person, one record: the same personal code or e-mail under a second participant would count twice.
        if (key is not null && await db.Set<Participant>().Where(p => p.ProjectId == projectId && p.PersonKey == key && p.Id != participant.Id)
                .Select(p => p.Code).FirstOrDefaultAsync(ct) is { } other)
            throw new DomainException("PersonTwice", nameof(input.PersonalIdentifier), other);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(participant.Id);
    });

    /// <summary>Sets who attended an event: the list replaces the event's attendance. A list made from an older version
    /// of the
    /// event (someone else saved attendance meanwhile) is refused as a conflict.</summary>
    public Task<Result<int>> SetAttendanceAsync(Guid projectId, Guid eventId, AttendanceInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        if (ProjectGate.WriteRefusal(await gate.FindAsync(projectId, ct)) is { } refusal) return Refused<int>(refusal);
        var found = await db.Set<Event>().SingleOrDefaultAsync(e => e.Id == eventId && e.ProjectId == projectId, ct);
        if (found is null) return Result<int>.NotFound();
        writes.ExpectVersion(found, input.Version);
        var marks = input.Marks;
        var ids = marks.Select(m => m.ParticipantId).ToList();
        if (ids.Count != ids.Distinct().Count()) throw new DomainException("ParticipantTwice", "Attendance");
        // Only this project's participants may be marked.
        var known = await db.Set<Participant>().Where(p => p.ProjectId == projectId && ids.Contains(p.Id)).CountAsync(ct);
        if (known != ids.Count) throw new DomainException("UnknownRow", "Attendance");
        var existing = await db.Set<Attendance>().Where(a => a.EventId == eventId).ToDictionaryAsync(a => a.ParticipantId, ct);
        db.RemoveRange(existing.Values.Where(a => !ids.Contains(a.ParticipantId)));
        foreach (var mark in marks)
        {
            if (existing.TryGetValue(mark.ParticipantId, out var attendance)) attendance.SetHours(mark.AcademicHours);
            else db.Add(new Attendance(eventId, mark.ParticipantId, mark.AcademicHours));
        }
        await db.SaveChangesAsync(ct);
        return Result<int>.Success(marks.Count);
    });

    /// <summary>The most changes one request may carry (a page of the list carries 50).</summary>
    public const int MaxAttendanceChanges = 5_000;

    /// <summary>Applies changes to an event's attendance; returns how many participants' marks changed.</summary>
    public Task<Result<int>> ChangeAttendanceAsync(Guid projectId, Guid eventId, AttendanceChanges changes, CancellationToken ct = default) =>
        writes.Run(async () =>
    {
        if (ProjectGate.WriteRefusal(await gate.FindAsync(projectId, ct)) is { } refusal) return Refused<int>(refusal);
        if (!await db.Set<Event>().AnyAsync(e => e.Id == eventId && e.ProjectId == projectId, ct)) return Result<int>.NotFound();
        var marks = changes.Mark ?? [];
        var unmarks = changes.Unmark ?? [];
        var ids = marks.Select(m => m.ParticipantId).Concat(unmarks).ToList();
        if (ids.Count > MaxAttendanceChanges) throw new DomainException("TooManyChanges", "Attendance", MaxAttendanceChanges);
        if (ids.Count != ids.Distinct().Count()) throw new DomainException("ParticipantTwice", "Attendance");
        var known = await db.Set<Participant>().Where(p => p.ProjectId == projectId && ids.Contains(p.Id)).CountAsync(ct);
        if (known != ids.Count) throw new DomainException("UnknownRow", "Attendance");
        if (ids.Count == 0) return Result<int>.Success(0);
        // The event's row first: concurrent changes to one event's attendance then take turns, each seeing what the one
        // before it saved (two people marking the same person both succeed instead of one meeting the other's row).
        await TouchAsync(eventId, ct);
        var existing = await db.Set<Attendance>().Where(a => a.EventId == eventId && ids.Contains(a.ParticipantId))
            .ToDictionaryAsync(a => a.ParticipantId, ct);
        var changed = 0;
        foreach (var id in unmarks)
        {
            if (!existing.TryGetValue(id, out var attendance)) continue;
            db.Remove(attendance);
            changed++;
        }
        foreach (var mark in marks)
        {
            if (existing.TryGetValue(mark.ParticipantId, out var attendance))
            {
                if (attendance.AcademicHours == mark.AcademicHours) continue;
                attendance.SetHours(mark.AcademicHours);
            }
            else db.Add(new Attendance(eventId, mark.ParticipantId, mark.AcademicHours));
            changed++;
        }
        await db.SaveChangesAsync(ct);
        return Result<int>.Success(changed);
    });

    /// <summary>Marks or unmarks everyone a selection takes, in the database; the audit log gets one entry saying
    /// how many and by what selection. Returns how many participants' marks changed.</summary>
    public Task<Result<int>> BulkAttendanceAsync(Guid projectId, Guid eventId, AttendanceBulk bulk, CancellationToken ct = default) =>
        writes.Run(async () =>
    {
        if (ProjectGate.WriteRefusal(await gate.FindAsync(projectId, ct)) is { } refusal) return Refused<int>(refusal);
        if (!await db.Set<Event>().AnyAsync(e => e.Id == eventId && e.ProjectId == projectId, ct)) return Result<int>.NotFound();
        string selection;
        if (bulk.AttendedEvent is { } other)
        {
            if (other == eventId) throw new DomainException("CopySameEvent", nameof(bulk.AttendedEvent));
            var number = await db.Set<Event>().Where(e => e.Id == other && e.ProjectId == projectId).Select(e => (int?)e.Number)
                .SingleOrDefaultAsync(ct) ?? throw new DomainException("UnknownRow", nameof(bulk.AttendedEvent));
            selection = texts["Delivery.SelectionFromEvent", number];
        }
        else selection = string.IsNullOrWhiteSpace(bulk.Search) ? texts["Delivery.SelectionAll"] : texts["Delivery.SelectionSearch", bulk.Search.Trim()];
        var selected = DeliveryQueries.Selected(db, projectId, new AttendanceSelection(bulk.Search, bulk.AttendedEvent));
        await TouchAsync(eventId, ct); // takes the event's row: changes to its attendance take turns
        var before = await db.Set<Attendance>().CountAsync(a => a.EventId == eventId, ct);
        int changed;
        audit.SummaryOnly = true;
        if (bulk.Attended)
        {
            var missing = await selected.Where(p => !db.Set<Attendance>().Any(a => a.EventId == eventId && a.ParticipantId == p.Id))
                .Select(p => p.Id).ToListAsync(ct);
            db.AddRange(missing.Select(id => new Attendance(eventId, id, null)));
            changed = missing.Count;
        }
        else
        {
            changed = await db.Set<Attendance>().Where(a => a.EventId == eventId && selected.Any(p => p.Id == a.ParticipantId))
                .ExecuteDeleteAsync(ct);
        }
        if (changed > 0)
        {
            db.Add(new AuditEntry
            {
                EntityType = nameof(Event), EntityId = eventId.ToString(), RootId = eventId.ToString(), ProjectId = projectId,
                Action = "Modified",
                Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?[]>
                {
                    ["Attendances"] = [before, bulk.Attended ? before + changed : before - changed],
                    ["Selection"] = [null, selection],
                }),
            });
        }
        await db.SaveChangesAsync(ct);
        // In summary mode the save does not refresh the figures (and unmarking deletes in the database): once here, in
        // the same transaction.
        if (changed > 0) await figures.BulkChangedAsync(db, projectId, ct);
        return Result<int>.Success(changed);
    });

    /// <summary>A change to an event's attendance makes a new version of the event, so that a whole list made from an
    /// older one (<see cref="SetAttendanceAsync"/>) is refused; changes themselves need no version, so two people
    /// marking at once both succeed. Updating the row also holds it to the end of the transaction.</summary>
    private Task<int> TouchAsync(Guid eventId, CancellationToken ct) =>
        db.Set<Event>().Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, e => e.Version + 1), ct);

    public Task<Result<Guid>> SaveVolunteerAsync(Guid projectId, Guid? volunteerId, VolunteerInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        if (ProjectGate.WriteRefusal(await gate.FindAsync(projectId, ct)) is { } refusal) return Refused<Guid>(refusal);
        Volunteer volunteer;
        if (volunteerId is { } id)
        {
            var found = await db.Set<Volunteer>().SingleOrDefaultAsync(v => v.Id == id && v.ProjectId == projectId, ct);
            if (found is null) return Result<Guid>.NotFound();
            volunteer = found;
            volunteer.Update(input.Name ?? "", input.Role, input.RecruitedOn, input.Trained, input.Active);
        }
        else
        {
            volunteer = new Volunteer(projectId, input.Name ?? "", input.Role, input.RecruitedOn, input.Trained, input.Active);
            db.Add(volunteer);
        }
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(volunteer.Id);
    });

    public Task<Result<Guid>> LogVolunteerHoursAsync(Guid projectId, Guid volunteerId, VolunteerHoursInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal) return Refused<Guid>(refusal);
        var volunteer = await db.Set<Volunteer>().SingleOrDefaultAsync(v => v.Id == volunteerId && v.ProjectId == projectId, ct);
        if (volunteer is null) return Result<Guid>.NotFound();
        if (input.ActivityId is { } activityId && context!.Project.Activities.All(a => a.Id != activityId)) throw new DomainException("UnknownRow", nameof(input.ActivityId));
        if (input.EventId is { } eventId && !await db.Set<Event>().AnyAsync(e => e.Id == eventId && e.ProjectId == projectId, ct))
            throw new DomainException("UnknownRow", nameof(input.EventId));
        var entry = volunteer.LogHours(context!.Period, input.Day ?? throw new DomainException("Required", nameof(input.Day)), input.Hours, input.ActivityId, input.EventId, input.Note);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(entry.Id);
    });

    public Task<Result<Guid>> SaveDeliverableAsync(Guid projectId, Guid? deliverableId, DeliverableInput input, CancellationToken ct = default) => writes.Run(async () =>
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.WriteRefusal(context) is { } refusal) return Refused<Guid>(refusal);
        if (input.ActivityId is { } activityId && context!.Project.Activities.All(a => a.Id != activityId)) throw new DomainException("UnknownRow", nameof(input.ActivityId));
        Deliverable deliverable;
        if (deliverableId is { } id)
        {
            var found = await db.Set<Deliverable>().SingleOrDefaultAsync(d => d.Id == id && d.ProjectId == projectId, ct);
            if (found is null) return Result<Guid>.NotFound();
            deliverable = found;
            deliverable.Update(context!.Period, input.ToDetails());
        }
        else
        {
            deliverable = new Deliverable(projectId, context!.Period, input.ToDetails());
            db.Add(deliverable);
        }
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Success(deliverable.Id);
    });

    /// <summary>Records the actual value of a manual indicator, with what supports it.</summary>
    public Task<Result<bool>> RecordManualActualAsync(Guid projectId, Guid indicatorId, decimal value, string? evidence, CancellationToken ct = default) => writes.Run(async () =>
    {
        if (ProjectGate.WriteRefusal(await gate.FindAsync(projectId, ct)) is { } refusal) return Refused<bool>(refusal);
        var indicator = await db.Set<PlannedIndicator>().SingleOrDefaultAsync(i => i.Id == indicatorId && i.ProjectId == projectId, ct);
        if (indicator is null) return Result<bool>.NotFound();
        indicator.RecordManualActual(value, evidence ?? "");
        await db.SaveChangesAsync(ct);
        return Result<bool>.Success(true);
    });
}
