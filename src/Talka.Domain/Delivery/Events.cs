using Talka.Domain.Common;
using Talka.Domain.Projects;

namespace Talka.Domain.Delivery;

public enum EventKind { Training, Seminar, Consultation, Supervision, LivingLibrarySession, Other }

/// <summary>How an event's duration is given: academic hours (ak. val., 45 min by default) or astronomical hours (val.,
/// 60 min).</summary>
public enum HourUnit { Academic, Astronomical }

public sealed record EventDetails(
    Guid? ActivityId, EventKind Kind, string Topic, DateOnly Start, DateOnly End, int Sessions, decimal? HoursPerSession, HourUnit HourUnit,
    bool Online, string? Venue, string? Municipality, string? Trainers, IReadOnlyList<TargetGroup> TargetGroups, int? Headcount,
    IReadOnlyList<DateOnly>? SessionDates = null);

/// <summary>
/// An event (mokymai, seminaras, konsultacija, supervizija, Gyvoji biblioteka…) of a project: one record may stand for
/// a series of
/// sessions ("5 seminars of 6 ak. val." is 5 sessions of 6). An event run for a crowd without a list records a
/// headcount,
/// which is never mixed with the distinct persons counted from attendance.
/// </summary>
public sealed class Event : IVersioned
{
    private readonly List<EventTargetGroup> _targetGroups = [];

    private Event() { Topic = ""; }

    /// <param name="number">The event's number within its project (Nr. 1, 2, …): what attendance sheets refer
    /// to.</param>
    public Event(Guid projectId, int number, DateRange projectPeriod, IReadOnlyCollection<Guid> projectActivityIds, EventDetails details)
    {
        if (number < 1) throw new DomainException("SessionsRange", nameof(Number));
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Number = number;
        Topic = "";
        Apply(projectPeriod, projectActivityIds, details);
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Number { get; private set; }
    public Guid? ActivityId { get; private set; }
    public EventKind Kind { get; private set; }
    public string Topic { get; private set; }
    /// <summary>The topic as searched: lower case, no diacritics (<see cref="SearchText"/>).</summary>
    public string SearchTopic { get; private set; } = "";
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public int Sessions { get; private set; }
    /// <summary>Duration of each session in <see cref="HourUnit"/>; null when the source does not state it.</summary>
    public decimal? HoursPerSession { get; private set; }
    public HourUnit HourUnit { get; private set; }
    public bool Online { get; private set; }
    public string? Venue { get; private set; }
    public string? Municipality { get; private set; }
    /// <summary>Trainers as "person (organisation)", one per line.</summary>
    public string? Trainers { get; private set; }
    public int? Headcount { get; private set; }
    /// <summary>The sessions' dates, when recorded (one per session, within the event's period); empty when not.</summary>
    public DateOnly[] SessionDates { get; private set; } = [];
    public IReadOnlyList<EventTargetGroup> TargetGroups => _targetGroups;
    public int Version { get; set; }

    public void Update(DateRange projectPeriod, IReadOnlyCollection<Guid> projectActivityIds, EventDetails details) =>
        Apply(projectPeriod, projectActivityIds, details);

    private void Apply(DateRange projectPeriod, IReadOnlyCollection<Guid> activityIds, EventDetails d)
    {
        if (d.ActivityId is { } activityId && !activityIds.Contains(activityId)) throw new DomainException("UnknownRow", nameof(ActivityId));
        ActivityId = d.ActivityId;
        Kind = Guard.Defined(d.Kind, nameof(Kind));
        Topic = Guard.Required(d.Topic, nameof(Topic), 500);
        SearchTopic = SearchText.Normalize(Topic);
        var period = new DateRange(d.Start, d.End, nameof(End));
        if (!projectPeriod.Contains(period.Start)) throw new DomainException("DateOutsideProject", nameof(Start), projectPeriod.Start, projectPeriod.End);
        if (!projectPeriod.Contains(period.End)) throw new DomainException("DateOutsideProject", nameof(End), projectPeriod.Start, projectPeriod.End);
        Start = period.Start;
        End = period.End;
        if (d.Sessions is < 1 or > 10_000) throw new DomainException("SessionsRange", nameof(Sessions));
        Sessions = d.Sessions;
        if (d.HoursPerSession is { } hours && (hours <= 0 || hours > 24)) throw new DomainException("HoursPerSessionRange", nameof(HoursPerSession));
        HoursPerSession = d.HoursPerSession;
        HourUnit = Guard.Defined(d.HourUnit, nameof(HourUnit));
        Online = d.Online;
        Venue = Guard.Optional(d.Venue, nameof(Venue), 300);
        Municipality = Online || string.IsNullOrWhiteSpace(d.Municipality) ? null : Municipalities.Require(d.Municipality, nameof(Municipality));
        Trainers = Guard.Optional(d.Trainers, nameof(Trainers), 2000);
        if (d.Headcount is < 0) throw new DomainException("CountNegative", nameof(Headcount));
        if (d.Headcount is > 10_000_000) throw new DomainException("CountTooLarge", nameof(Headcount));
        Headcount = d.Headcount;
        var dates = d.SessionDates?.Distinct().Order().ToArray() ?? [];
        if (dates.Length > 0 && dates.Length != Sessions) throw new DomainException("SessionDatesCount", nameof(SessionDates), Sessions);
        if (dates.Any(day => day < Start || day > End)) throw new DomainException("SessionDateOutside", nameof(SessionDates), Start, End);
        SessionDates = dates;
        _targetGroups.RemoveAll(t => !d.TargetGroups.Contains(t.TargetGroup));
        foreach (var group in d.TargetGroups.Distinct().Where(g => _targetGroups.All(t => t.TargetGroup != g)))
            _targetGroups.Add(new EventTargetGroup(Id, group));
    }

    /// <summary>Duration of one session in academic hours, by the call's minutes per academic hour.</summary>
    public decimal? AcademicHoursPerSession(int minutesPerAcademicHour) =>
        AcademicHoursPerSession(HoursPerSession, HourUnit, minutesPerAcademicHour);

    /// <summary>The same for a session of the given duration and unit (the one rule, also for counts grouped in the
    /// database).</summary>
    public static decimal? AcademicHoursPerSession(decimal? hoursPerSession, HourUnit unit,
        int minutesPerAcademicHour) =>
        hoursPerSession is { } hours
            ? unit == HourUnit.Academic ? hours : decimal.Round(hours * 60m / minutesPerAcademicHour, 2)
            : null;

    /// <summary>Academic hours delivered: sessions × duration. Unknown when the duration is.</summary>
    public decimal? AcademicHours(int minutesPerAcademicHour) => AcademicHoursPerSession(minutesPerAcademicHour) * Sessions;

    /// <summary>The quarters the event's sessions fall in (by their dates, else spread over its period).</summary>
    public IReadOnlyList<QuarterSessions> Quarters => SessionSchedule.ByQuarter(Start, End, Sessions, SessionDates);
}

public sealed class EventTargetGroup
{
    private EventTargetGroup() { }
    internal EventTargetGroup(Guid eventId, TargetGroup group) { EventId = eventId; TargetGroup = Guard.Defined(group, "TargetGroups"); }
    public Guid EventId { get; private set; }
    public TargetGroup TargetGroup { get; private set; }
}

public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);
    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);
    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));
    /// <summary>"2022 m. I ketv."</summary>
    public override string ToString() => $"{Year} m. {new[] { "I", "II", "III", "IV" }[Number - 1]} ketv.";
    public string Key => $"{Year}Q{Number}";
}
