using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Indicators;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Features.Delivery;

public sealed record EventRow(
    Guid Id, int Number, Guid? ActivityId, string? Activity, EventKind Kind, string Topic, DateOnly Start, DateOnly End, int Sessions, decimal? HoursPerSession,
    HourUnit HourUnit, decimal? AcademicHours, bool Online, string? Venue, string? Municipality, string? Trainers, int? Headcount,
    int Attendances, IReadOnlyList<TargetGroup> TargetGroups, int Version, IReadOnlyList<DateOnly> SessionDates);

public sealed record ParticipantRow(
    Guid Id, string Code, string? DisplayName, ParticipantCategory Category, string? Organisation, string? Municipality,
    Gender? Gender, AgeBand? AgeBand, TargetGroup? TargetGroup, bool Consent, bool HasPersonKey, int Events, int Version);

/// <summary>A participant of the project as the attendance list of one event shows them: marked or not.</summary>
public sealed record AttendanceLine(
    Guid ParticipantId, string Code, string? DisplayName, ParticipantCategory Category, bool Attended, decimal? AcademicHours);

/// <summary>Which participants an event's attendance list shows.</summary>
public enum AttendanceShown { All, Attended, Absent }

/// <summary>The participants an attendance list is filtered to: a search on number and name, and those who attended
/// another event of the project.</summary>
public sealed record AttendanceSelection(string? Search = null, Guid? AttendedEvent = null);

/// <summary>An event of the project to copy attendance from.</summary>
public sealed record EventChoice(Guid Id, int Number, string Topic, DateOnly Start, int Attendances);

public sealed record VolunteerRow(Guid Id, string Name, string? Role, DateOnly? RecruitedOn, bool Trained, bool Active, decimal Hours, int Entries);

public sealed record DeliverableRow(Guid Id, Guid? ActivityId, DeliverableKind Kind, string Title, DateOnly? Date, string? PresentedTo,
    int? SurveySent, int? SurveyAnswered, string? Auditor, string? Description);

/// <summary>
/// Filters that open a figure to the records it counts: a participant list filtered by category, municipality, gender,
/// age band, target group, quarter, event or event kind, and whether they attended anything.
/// </summary>
public sealed record ParticipantFilter(
    ParticipantCategory? Category = null, string? Municipality = null, Gender? Gender = null, AgeBand? AgeBand = null,
    TargetGroup? TargetGroup = null, string? Quarter = null, Guid? EventId = null, EventKind? Kind = null, bool? Attended = null,
    bool Unstated = false, string? Dimension = null, string? Search = null, string? Sort = null)
{
    /// <summary>The register's column sorts: by code (the default), by name, by events attended (most first).</summary>
    public static readonly string[] Sorts = ["code", "name", "events"];
}

public sealed record EventFilter(EventKind? Kind = null, string? Quarter = null, bool? WithHeadcount = null, Guid? ActivityId = null,
    string? Search = null, string? Sort = null)
{
    /// <summary>The events' column sorts: by number (the default), by start (latest first), by topic.</summary>
    public static readonly string[] Sorts = ["number", "start", "topic"];
}

public sealed class DeliveryQueries(TalkaDbContext db)
{
    /// <summary>All the project's events, by number (for a report's period or an import's check, which need them
    /// all).</summary>
    public Task<IReadOnlyList<EventRow>> EventsAsync(ProjectContext context, CancellationToken ct = default) =>
        EventsAsync(context, only: null, listed: null, ct);

    /// <summary>The project's events, with the persons listed at each taken from its stored figures when they keep them
    /// (else counted).</summary>
    public Task<IReadOnlyList<EventRow>> EventsAsync(ProjectContext context, IndicatorSet figures,
        CancellationToken ct = default) => EventsAsync(context, only: null, figures.ListedByEvent, ct);

    public const int EventPageSize = 50;

    /// <summary>A page of the project's events, by number, filtered, counted and cut in the database (a quarter filter
    /// picks the events by their session schedule first, as the quarterly figures do).</summary>
    public async Task<Organisations.Page<EventRow>> EventPageAsync(ProjectContext context, EventFilter? filter, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var projectId = context.Project.Id;
        var query = db.Set<Event>().AsNoTracking().Where(e => e.ProjectId == projectId);
        if (filter?.Kind is { } kind) query = query.Where(e => e.Kind == kind);
        if (filter?.WithHeadcount == true) query = query.Where(e => e.Headcount != null);
        if (filter?.ActivityId is { } activityId) query = query.Where(e => e.ActivityId == activityId);
        foreach (var word in SearchText.Normalize(filter?.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            query = query.Where(e => e.SearchTopic.Contains(word));
        if (filter?.Quarter is { } quarter)
        {
            var inQuarter = (await query.ToListAsync(ct)).Where(e => e.Quarters.Any(q => q.Quarter.Key == quarter)).Select(e => e.Id).ToList();
            query = query.Where(e => inQuarter.Contains(e.Id));
        }
        var total = await query.CountAsync(ct);
        var sorted = filter?.Sort switch
        {
            "start" => query.OrderByDescending(e => e.Start).ThenBy(e => e.Number),
            "topic" => query.OrderBy(e => EF.Functions.Collate(e.Topic, LithuanianCollation.Name))
                .ThenBy(e => e.Number),
            _ => query.OrderBy(e => e.Number),
        };
        var ids = await sorted.Skip((page - 1) * EventPageSize).Take(EventPageSize).Select(e => e.Id).ToListAsync(ct);
        // In the order the page asked for.
        var byId = (await EventsAsync(context, ids, listed: null, ct)).ToDictionary(r => r.Id);
        var rows = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return new Organisations.Page<EventRow>(rows, page, EventPageSize, total);
    }

    /// <summary>One event of the project, by id.</summary>
    public async Task<EventRow?> EventAsync(ProjectContext context, Guid eventId, CancellationToken ct = default) =>
        (await EventsAsync(context, [eventId], listed: null, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<EventRow>> EventsAsync(ProjectContext context, IReadOnlyCollection<Guid>? only,
        IReadOnlyDictionary<Guid, int>? listed, CancellationToken ct)
    {
        var projectId = context.Project.Id;
        var query = db.Set<Event>().AsNoTracking().Include(e => e.TargetGroups).Where(e => e.ProjectId == projectId);
        if (only is not null) query = query.Where(e => only.Contains(e.Id));
        var events = await query.OrderBy(e => e.Number).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var counts = listed ?? await db.Set<Attendance>().AsNoTracking().Where(a => ids.Contains(a.EventId))
            .GroupBy(a => a.EventId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var activities = context.Project.Activities.ToDictionary(a => a.Id, a => a.Title);
        var minutes = context.Rules.MinutesPerAcademicHour;
        return events.Select(e => new EventRow(e.Id, e.Number, e.ActivityId, e.ActivityId is { } a ? activities.GetValueOrDefault(a) : null, e.Kind, e.Topic, e.Start, e.End,
            e.Sessions, e.HoursPerSession, e.HourUnit, e.AcademicHours(minutes), e.Online, e.Venue, e.Municipality, e.Trainers, e.Headcount,
            counts.GetValueOrDefault(e.Id), e.TargetGroups.Select(t => t.TargetGroup).Order().ToList(), e.Version, e.SessionDates)).ToList();
    }

    public const int AttendancePageSize = 50;

    /// <summary>A page of an event's attendance list: the project's participants matching the selection, each marked
    /// or not, ordered by number; filtered, counted and cut in the database.</summary>
    public async Task<Organisations.Page<AttendanceLine>> AttendancePageAsync(ProjectContext context, Guid eventId,
        AttendanceSelection selection, AttendanceShown shown, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var query =
            from p in Selected(db, context.Project.Id, selection)
            join a in db.Set<Attendance>().AsNoTracking().Where(a => a.EventId == eventId) on p.Id equals a.ParticipantId into marks
            from a in marks.DefaultIfEmpty()
            select new { p, a };
        query = shown switch
        {
            AttendanceShown.Attended => query.Where(x => x.a != null),
            AttendanceShown.Absent => query.Where(x => x.a == null),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.p.Code).Skip((page - 1) * AttendancePageSize).Take(AttendancePageSize)
            .Select(x => new AttendanceLine(x.p.Id, x.p.Code, x.p.DisplayName, x.p.Category, x.a != null,
                x.a == null ? null : x.a.AcademicHours))
            .ToListAsync(ct);
        return new Organisations.Page<AttendanceLine>(items, page, AttendancePageSize, total);
    }

    /// <summary>The project's participants an attendance selection takes: every word of the search in the number or
    /// name (case and diacritics aside), and, when asked, only those who attended the given event.</summary>
    internal static IQueryable<Participant> Selected(TalkaDbContext db, Guid projectId, AttendanceSelection selection)
    {
        var query = db.Set<Participant>().AsNoTracking().Where(p => p.ProjectId == projectId);
        foreach (var word in SearchText.Normalize(selection.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            query = query.Where(p => p.SearchName.Contains(word));
        if (selection.AttendedEvent is { } other)
            query = query.Where(p => db.Set<Attendance>().Any(a => a.EventId == other && a.ParticipantId == p.Id));
        return query;
    }

    /// <summary>The project's events, by number, to copy attendance from.</summary>
    public async Task<IReadOnlyList<EventChoice>> EventChoicesAsync(ProjectContext context, CancellationToken ct = default) =>
        await db.Set<Event>().AsNoTracking().Where(e => e.ProjectId == context.Project.Id).OrderBy(e => e.Number)
            .Select(e => new EventChoice(e.Id, e.Number, e.Topic, e.Start, db.Set<Attendance>().Count(a => a.EventId == e.Id)))
            .ToListAsync(ct);

    public const int ParticipantPageSize = 50;

    /// <summary>A page of the filtered register, ordered by participant number, counted and cut in the
    /// database.</summary>
    public async Task<Organisations.Page<ParticipantRow>> ParticipantPageAsync(ProjectContext context, ParticipantFilter? filter, int page,
        CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var (people, attendance) = await FilteredAsync(context, filter ?? new ParticipantFilter(), ct);
        var total = await people.CountAsync(ct);
        var sorted = filter?.Sort switch
        {
            "name" => people.OrderBy(p => p.DisplayName == null)
                .ThenBy(p => EF.Functions.Collate(p.DisplayName, LithuanianCollation.Name)).ThenBy(p => p.Code),
            "events" => people.OrderByDescending(p => db.Set<Attendance>().Count(a => a.ParticipantId == p.Id)).ThenBy(p => p.Code),
            _ => people.OrderBy(p => p.Code),
        };
        var items = await sorted.Skip((page - 1) * ParticipantPageSize).Take(ParticipantPageSize).ToListAsync(ct);
        return new Organisations.Page<ParticipantRow>(await RowsAsync(items, attendance, ct), page, ParticipantPageSize, total);
    }

    /// <summary>One participant of the project, by id.</summary>
    public async Task<ParticipantRow?> ParticipantAsync(ProjectContext context, Guid participantId, CancellationToken ct = default)
    {
        var (people, attendance) = await FilteredAsync(context, new ParticipantFilter(), ct);
        var found = await people.Where(p => p.Id == participantId).ToListAsync(ct);
        return (await RowsAsync(found, attendance, ct)).SingleOrDefault();
    }

    private async Task<(IQueryable<Participant> People, IQueryable<Guid> Attendance)> FilteredAsync(ProjectContext context, ParticipantFilter f,
        CancellationToken ct)
    {
        var projectId = context.Project.Id;
        var query = db.Set<Participant>().AsNoTracking().Where(p => p.ProjectId == projectId);
        if (f.Category is { } category) query = query.Where(p => p.Category == category);
        if (f.Municipality is { } municipality) query = query.Where(p => p.Municipality == municipality);
        if (f.Gender is { } gender) query = query.Where(p => p.Gender == gender);
        if (f.AgeBand is { } ageBand) query = query.Where(p => p.AgeBand == ageBand);
        if (f.TargetGroup is { } targetGroup) query = query.Where(p => p.TargetGroup == targetGroup);
        // Words of the code, the name or the organisation in any case, with or without Lithuanian letters (the stored
        // search forms); each word must match.
        foreach (var word in (f.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var folded = SearchText.Normalize(word);
            query = query.Where(p => p.SearchName.Contains(folded) || p.SearchOrganisation.Contains(folded));
        }
        if (f.Unstated)
        {
            query = f.Dimension switch
            {
                nameof(Dimension.Municipality) => query.Where(p => p.Municipality == null),
                nameof(Dimension.Gender) => query.Where(p => p.Gender == null),
                nameof(Dimension.AgeBand) => query.Where(p => p.AgeBand == null),
                nameof(Dimension.TargetGroup) => query.Where(p => p.TargetGroup == null),
                _ => query,
            };
        }
        var attendance = db.Set<Attendance>().AsNoTracking().Join(db.Set<Event>().AsNoTracking().Where(e => e.ProjectId == projectId),
            a => a.EventId, e => e.Id, (a, e) => new { a.ParticipantId, a.EventId, e.Kind, e.End });
        if (f.EventId is { } eventId) attendance = attendance.Where(x => x.EventId == eventId);
        if (f.Kind is { } kind) attendance = attendance.Where(x => x.Kind == kind);
        if (f.Quarter is { } quarter)
        {
            // Events with sessions in the quarter (by their dates, else spread over their period): the same rule as the
            // quarterly figures.
            var inQuarter = (await db.Set<Event>().AsNoTracking().Where(e => e.ProjectId == projectId).ToListAsync(ct))
                .Where(e => e.Quarters.Any(q => q.Quarter.Key == quarter)).Select(e => e.Id).ToList();
            attendance = attendance.Where(x => inQuarter.Contains(x.EventId));
        }
        var filteredByAttendance = f.EventId is not null || f.Kind is not null || f.Quarter is not null || f.Attended == true;
        if (filteredByAttendance) query = query.Where(p => attendance.Any(x => x.ParticipantId == p.Id));
        else if (f.Attended == false) query = query.Where(p => !attendance.Any(x => x.ParticipantId == p.Id));
        return (query, attendance.Select(x => x.ParticipantId));
    }

    /// <summary>The rows for these participants, with how many (filtered) attendances each has.</summary>
    private static async Task<IReadOnlyList<ParticipantRow>> RowsAsync(List<Participant> people, IQueryable<Guid> attendance, CancellationToken ct)
    {
        var ids = people.Select(p => p.Id).ToList();
        var events = await attendance.Where(id => ids.Contains(id)).GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return people.Select(p => new ParticipantRow(p.Id, p.Code, p.DisplayName, p.Category, p.Organisation, p.Municipality, p.Gender, p.AgeBand,
            p.TargetGroup, p.Consent, p.PersonKey is not null, events.GetValueOrDefault(p.Id), p.Version)).ToList();
    }

    public const int RegisterPageSize = 50;

    /// <summary>A page of the project's volunteers by name, counted and cut in the database (the hours of that page's
    /// volunteers only are read).</summary>
    public async Task<Organisations.Page<VolunteerRow>> VolunteerPageAsync(ProjectContext context, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var query = db.Set<Volunteer>().AsNoTracking().Where(v => v.ProjectId == context.Project.Id);
        var total = await query.CountAsync(ct);
        var items = (await query.OrderBy(v => EF.Functions.Collate(v.Name, LithuanianCollation.Name)).ThenBy(v => v.Id)
            .Skip((page - 1) * RegisterPageSize).Take(RegisterPageSize)
                .Include(v => v.Hours).ToListAsync(ct))
            .Select(v => new VolunteerRow(v.Id, v.Name, v.Role, v.RecruitedOn, v.Trained, v.Active, v.Hours.Sum(h => h.Hours), v.Hours.Count)).ToList();
        return new Organisations.Page<VolunteerRow>(items, page, RegisterPageSize, total);
    }

    /// <summary>A page of the project's deliverables by date and title, filtered by kind, counted and cut in the
    /// database.</summary>
    public async Task<Organisations.Page<DeliverableRow>> DeliverablePageAsync(ProjectContext context, DeliverableKind? kind, int page,
        CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var query = db.Set<Deliverable>().AsNoTracking().Where(d => d.ProjectId == context.Project.Id && (kind == null || d.Kind == kind));
        var total = await query.CountAsync(ct);
        var items = await Rows(query.OrderBy(d => d.Date)
                .ThenBy(d => EF.Functions.Collate(d.Title, LithuanianCollation.Name)).ThenBy(d => d.Id)
            .Skip((page - 1) * RegisterPageSize).Take(RegisterPageSize)).ToListAsync(ct);
        return new Organisations.Page<DeliverableRow>(items, page, RegisterPageSize, total);
    }

    /// <summary>All the project's deliverables, by date (for a report or the public page, which show them
    /// all).</summary>
    public async Task<IReadOnlyList<DeliverableRow>> DeliverablesAsync(ProjectContext context, CancellationToken ct = default) =>
        await Rows(db.Set<Deliverable>().AsNoTracking().Where(d => d.ProjectId == context.Project.Id)
            .OrderBy(d => d.Date).ThenBy(d => EF.Functions.Collate(d.Title, LithuanianCollation.Name)))
            .ToListAsync(ct);

    private static IQueryable<DeliverableRow> Rows(IQueryable<Deliverable> deliverables) =>
        deliverables.Select(d => new DeliverableRow(d.Id, d.ActivityId, d.Kind, d.Title, d.Date, d.PresentedTo, d.SurveySent, d.SurveyAnswered,
            d.Auditor, d.Description));

    /// <summary>The records behind a project's indicators, as the pure calculator takes them.</summary>
    public async Task<DeliveryFacts> FactsAsync(ProjectContext context, CancellationToken ct = default)
    {
        var projectId = context.Project.Id;
        var minutes = context.Rules.MinutesPerAcademicHour;
        var events = (await db.Set<Event>().AsNoTracking().Where(e => e.ProjectId == projectId).ToListAsync(ct))
            .Select(e => new EventFact(e.Id, e.Kind, e.End, e.Sessions, e.AcademicHours(minutes), e.Headcount, e.Start, e.SessionDates)).ToList();
        var participants = await db.Set<Participant>().AsNoTracking().Where(p => p.ProjectId == projectId)
            .Select(p => new ParticipantFact(p.Id, p.Category, p.TargetGroup, p.Municipality, p.Gender, p.AgeBand, p.PersonKey)).ToListAsync(ct);
        var attendances = await db.Set<Attendance>().AsNoTracking()
            .Where(a => db.Set<Event>().Any(e => e.Id == a.EventId && e.ProjectId == projectId))
            .Select(a => new AttendanceFact(a.EventId, a.ParticipantId, a.AcademicHours)).ToListAsync(ct);
        var volunteers = await db.Set<Volunteer>().AsNoTracking().CountAsync(v => v.ProjectId == projectId, ct);
        var hours = await db.Set<VolunteerHours>().AsNoTracking()
            .Where(h => db.Set<Volunteer>().Any(v => v.Id == h.VolunteerId && v.ProjectId == projectId))
            .Select(h => new VolunteerHoursFact(h.VolunteerId, h.Day, h.Hours)).ToListAsync(ct);
        var deliverables = await db.Set<Deliverable>().AsNoTracking().Where(d => d.ProjectId == projectId)
            .Select(d => new DeliverableFact(d.Id, d.Kind)).ToListAsync(ct);
        return new DeliveryFacts(events, participants, attendances, volunteers, hours, deliverables);
    }
}

public sealed record IndicatorRow(Guid Id, string Name, string Unit, decimal Target, Metric? Metric, decimal? Actual, bool IsManual, string? ManualEvidence)
{
    public decimal? PercentAchieved => Actual is { } actual && Target > 0 ? decimal.Round(actual * 100m / Target, 1) : null;
}

public sealed record IndicatorReport(Guid ProjectId, string ProjectTitle, IndicatorSet Computed, IReadOnlyList<IndicatorRow> Planned);

public sealed class IndicatorQueries(TalkaDbContext db, FigureStore figures)
{
    public async Task<IndicatorReport> ForAsync(ProjectContext context, CancellationToken ct = default)
    {
        var computed = await figures.ForAsync(context, ct);
        var planned = await db.Set<PlannedIndicator>().AsNoTracking().Where(i => i.ProjectId == context.Project.Id).OrderBy(i => i.Position).ToListAsync(ct);
        return new IndicatorReport(context.Project.Id, context.Project.Title, computed, planned.Select(i => new IndicatorRow(i.Id, i.Name, i.Unit, i.Target, i.Metric,
            i.Metric is { } metric ? computed[metric].Value : i.ManualActual, i.Metric is null, i.ManualEvidence)).ToList());
    }
}

public static class DeliveryModule
{
    public static IServiceCollection AddDelivery(this IServiceCollection services) =>
        services.AddScoped<ProjectGate>().AddScoped<DeliveryService>().AddScoped<DeliveryQueries>().AddScoped<RegisterExports>().AddScoped<IndicatorQueries>().AddScoped<ReachQueries>().AddScoped<PublicResultsQueries>()
            .AddScoped<FigureStore>().AddScoped<FiguresInterceptor>()
            .AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<FiguresInterceptor>())
            .AddJobHandler<FiguresJobHandler>()
            .AddScoped<ProgrammeFigureStore>().AddJobHandler<ProgrammeFiguresJobHandler>()
            .AddSingleton<PersonKeySecret>();
}
