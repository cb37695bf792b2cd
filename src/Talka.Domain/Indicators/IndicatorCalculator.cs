using Talka.Domain.Delivery;
using Talka.Domain.Projects;

namespace Talka.Domain.Indicators;

/// <summary>What Talka computes from the records. A planned indicator names one of these, or none (then it is manual).</summary>
public enum Metric
{
    DistinctParticipants, Attendances, ParticipantHours, Events, Sessions, AcademicHours, Headcount,
    Volunteers, VolunteerHours, Deliverables,
}

/// <summary>The dimensions a figure is broken down by.</summary>
public enum Dimension { Category, TargetGroup, Municipality, Gender, AgeBand, Quarter, Kind }

/// <param name="Start">The series' first day (null: the event is one day, its end).</param>
/// <param name="SessionDates">The sessions' dates where recorded; else they are spread evenly over the period.</param>
public sealed record EventFact(
    Guid Id, EventKind Kind, DateOnly End, int Sessions, decimal? AcademicHours, int? Headcount, DateOnly? Start = null,
    IReadOnlyList<DateOnly>? SessionDates = null)
{
    /// <summary>The quarters its sessions fall in, with how many in each.</summary>
    public IReadOnlyList<QuarterSessions> Quarters { get; } =
        SessionSchedule.ByQuarter(Start ?? End, End, Math.Max(Sessions, 1), SessionDates);

    /// <summary>
    /// The part of the event that falls in a period (a report's): its sessions there, their share of its hours, its
    /// headcount if its last session is there; null when none of its sessions is.
    /// </summary>
    public EventFact? Within(DateOnly start, DateOnly end)
    {
        var all = SessionSchedule.Dates(Start ?? End, End, Math.Max(Sessions, 1), SessionDates);
        var dates = all.Where(d => d >= start && d <= end).ToList();
        if (dates.Count == 0) return null;
        if (dates.Count == all.Count) return this;
        var share = (decimal)dates.Count / all.Count;
        return new EventFact(Id, Kind, dates[^1], dates.Count, AcademicHours is { } hours ? decimal.Round(hours * share, 2) : null,
            all[^1] <= end ? Headcount : null, dates[0], dates);
    }
}
public sealed record ParticipantFact(Guid Id, ParticipantCategory Category, TargetGroup? TargetGroup, string? Municipality, Gender? Gender, AgeBand? AgeBand, string? PersonKey);
public sealed record AttendanceFact(Guid EventId, Guid ParticipantId, decimal? AcademicHours);
public sealed record VolunteerHoursFact(Guid VolunteerId, DateOnly Day, decimal Hours);
public sealed record DeliverableFact(Guid Id, DeliverableKind Kind);

public sealed record DeliveryFacts(
    IReadOnlyList<EventFact> Events, IReadOnlyList<ParticipantFact> Participants, IReadOnlyList<AttendanceFact> Attendances,
    int Volunteers, IReadOnlyList<VolunteerHoursFact> VolunteerHours, IReadOnlyList<DeliverableFact> Deliverables);

/// <summary>One part of a figure. <see cref="Key"/> is the enum name, municipality or quarter key; null means "not stated".</summary>
public sealed record Part(Dimension Dimension, string? Key, decimal Value);

public sealed record Figure(Metric Metric, decimal Value, IReadOnlyList<Part> Parts)
{
    public IEnumerable<Part> By(Dimension dimension) => Parts.Where(p => p.Dimension == dimension);
}

/// <param name="ListedByEvent">Persons listed at each event that has any, by event id (sorted by Guid, so that the
/// stored JSON is the same every time); stored with the figures so that pages listing the events need not count
/// attendance. Null in figures stored before it was kept.</param>
public sealed record IndicatorSet(IReadOnlyList<Figure> Figures, int EventsWithoutDuration,
    IReadOnlyDictionary<Guid, int>? ListedByEvent = null)
{
    public Figure this[Metric metric] => Figures.Single(f => f.Metric == metric);
}

/// <summary>
/// Computes a project's indicators from its records: distinct persons from attendance, hours from the session schedule,
/// headcounts kept apart from distinct persons. Pure: the same records always give the same figures.
/// </summary>
public static class IndicatorCalculator
{
    public static IndicatorSet Compute(DeliveryFacts facts)
    {
        var events = facts.Events.ToDictionary(e => e.Id);
        var attendances = facts.Attendances.Where(a => events.ContainsKey(a.EventId)).ToList();
        var attendedIds = attendances.Select(a => a.ParticipantId).ToHashSet();
        var attended = facts.Participants.Where(p => attendedIds.Contains(p.Id)).ToList();
        var participantsById = facts.Participants.ToDictionary(p => p.Id);

        decimal HoursOf(AttendanceFact a) => a.AcademicHours ?? events[a.EventId].AcademicHours ?? 0m;
        string QuarterOf(DateOnly day) => Quarter.Of(day).Key;
        // An attendance of a series counts in every quarter the series had sessions (a person once per quarter), and
        // its hours are shared out by the sessions in each.
        IEnumerable<(string Quarter, AttendanceFact Attendance, decimal Share)> ByQuarter(IEnumerable<AttendanceFact> list) =>
            list.SelectMany(a => events[a.EventId].Quarters.Select(q => (q.Quarter.Key, a, Share(events[a.EventId], q))));

        var figures = new List<Figure>
        {
            new(Metric.DistinctParticipants, attended.Count, [
                ..PersonParts(attended),
                ..ByQuarter(attendances).GroupBy(x => x.Quarter).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new Part(Dimension.Quarter, g.Key, g.Select(x => x.Attendance.ParticipantId).Distinct().Count())),
            ]),
            new(Metric.Attendances, attendances.Count, [
                ..Group(attendances, a => participantsById.GetValueOrDefault(a.ParticipantId)?.Category.ToString(), Dimension.Category, _ => 1),
                ..Group(attendances, a => events[a.EventId].Kind.ToString(), Dimension.Kind, _ => 1),
                ..Group(ByQuarter(attendances), x => x.Quarter, Dimension.Quarter, _ => 1),
            ]),
            new(Metric.ParticipantHours, attendances.Sum(HoursOf), [
                ..Group(attendances, a => participantsById.GetValueOrDefault(a.ParticipantId)?.Category.ToString(), Dimension.Category, HoursOf),
                ..Group(attendances, a => events[a.EventId].Kind.ToString(), Dimension.Kind, HoursOf),
                ..Group(ByQuarter(attendances), x => x.Quarter, Dimension.Quarter, x => decimal.Round(HoursOf(x.Attendance) * x.Share, 2)),
            ]),
            new(Metric.Events, facts.Events.Count, EventParts(facts.Events, _ => 1, (_, _) => 1)),
            new(Metric.Sessions, facts.Events.Sum(e => e.Sessions), EventParts(facts.Events, e => e.Sessions, (_, q) => q.Sessions)),
            new(Metric.AcademicHours, facts.Events.Sum(e => e.AcademicHours ?? 0),
                EventParts(facts.Events, e => e.AcademicHours ?? 0, (e, q) => decimal.Round((e.AcademicHours ?? 0) * Share(e, q), 2))),
            // A headcount is of the crowd at the event: it counts once, in the quarter of the event's last session.
            new(Metric.Headcount, facts.Events.Sum(e => e.Headcount ?? 0),
                EventParts(facts.Events.Where(e => e.Headcount is not null).ToList(), e => e.Headcount ?? 0,
                    (e, q) => q == e.Quarters[^1] ? e.Headcount ?? 0 : 0)),
            new(Metric.Volunteers, facts.Volunteers, []),
            new(Metric.VolunteerHours, facts.VolunteerHours.Sum(h => h.Hours),
                Group(facts.VolunteerHours, h => QuarterOf(h.Day), Dimension.Quarter, h => h.Hours).ToList()),
            new(Metric.Deliverables, facts.Deliverables.Count, Group(facts.Deliverables, d => d.Kind.ToString(), Dimension.Kind, _ => 1).ToList()),
        };
        var listed = new SortedDictionary<Guid, int>();
        foreach (var a in attendances) listed[a.EventId] = listed.GetValueOrDefault(a.EventId) + 1;
        return new IndicatorSet(figures, facts.Events.Count(e => e.AcademicHours is null), listed);
    }

    /// <summary>
    /// Distinct persons across projects (a programme, a year): participants with the same keyed hash are one person;
    /// a participant without one counts once on their own.
    /// </summary>
    public static int DistinctPersons(IEnumerable<ParticipantFact> attendedParticipants)
    {
        var list = attendedParticipants.ToList();
        return list.Where(p => p.PersonKey is not null).Select(p => p.PersonKey).Distinct().Count() + list.Count(p => p.PersonKey is null);
    }

    private static IEnumerable<Part> PersonParts(IReadOnlyList<ParticipantFact> people) =>
    [
        ..Group(people, p => p.Category.ToString(), Dimension.Category, _ => 1),
        ..Group(people, p => p.TargetGroup?.ToString(), Dimension.TargetGroup, _ => 1),
        ..Group(people, p => p.Municipality, Dimension.Municipality, _ => 1),
        ..Group(people, p => p.Gender?.ToString(), Dimension.Gender, _ => 1),
        ..Group(people, p => p.AgeBand?.ToString(), Dimension.AgeBand, _ => 1),
    ];

    /// <summary>By kind (the whole event) and by quarter (the value for the event's sessions in that quarter; an event
    /// counts in each quarter it had sessions).</summary>
    private static List<Part> EventParts(IReadOnlyList<EventFact> events, Func<EventFact, decimal> whole,
        Func<EventFact, QuarterSessions, decimal> inQuarter) =>
    [
        ..Group(events, e => e.Kind.ToString(), Dimension.Kind, whole),
        ..Group(events.SelectMany(e => e.Quarters.Select(q => (Event: e, Quarter: q))), x => x.Quarter.Quarter.Key, Dimension.Quarter,
            x => inQuarter(x.Event, x.Quarter)).Where(p => p.Value != 0),
    ];

    /// <summary>The share of an event's sessions that fall in the quarter.</summary>
    private static decimal Share(EventFact e, QuarterSessions q) => e.Sessions <= 0 ? 1m : (decimal)q.Sessions / e.Sessions;

    private static IEnumerable<Part> Group<T>(IEnumerable<T> items, Func<T, string?> key, Dimension dimension, Func<T, decimal> value) =>
        items.GroupBy(key).OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Part(dimension, g.Key, g.Sum(value)));
}
