using Talka.Domain.Common;

namespace Talka.Domain.Delivery;

/// <summary>A volunteer in a project's register.</summary>
public sealed class Volunteer : IVersioned
{
    private readonly List<VolunteerHours> _hours = [];

    private Volunteer() { Name = ""; }

    public Volunteer(Guid projectId, string name, string? role, DateOnly? recruitedOn, bool trained, bool active)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Name = "";
        Update(name, role, recruitedOn, trained, active);
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Name { get; private set; }
    public string? Role { get; private set; }
    public DateOnly? RecruitedOn { get; private set; }
    public bool Trained { get; private set; }
    public bool Active { get; private set; }
    public IReadOnlyList<VolunteerHours> Hours => _hours;
    public int Version { get; set; }

    public void Update(string name, string? role, DateOnly? recruitedOn, bool trained, bool active)
    {
        Name = Guard.Required(name, nameof(Name), 200);
        Role = Guard.Optional(role, nameof(Role), 200);
        RecruitedOn = recruitedOn;
        Trained = trained;
        Active = active;
    }

    /// <summary>Logs hours on a day inside the project period, against an activity or an event of the
    /// project.</summary>
    public VolunteerHours LogHours(DateRange projectPeriod, DateOnly day, decimal hours, Guid? activityId, Guid? eventId, string? note)
    {
        if (!projectPeriod.Contains(day)) throw new DomainException("DateOutsideProject", "Day", projectPeriod.Start, projectPeriod.End);
        if (hours <= 0 || hours > 24) throw new DomainException("VolunteerHoursRange", "Hours");
        var entry = new VolunteerHours(Id, day, hours, activityId, eventId, Guard.Optional(note, "Note", 500));
        _hours.Add(entry);
        return entry;
    }
}

/// <summary>Astronomical hours a volunteer gave on a day.</summary>
public sealed class VolunteerHours
{
    private VolunteerHours() { }
    internal VolunteerHours(Guid volunteerId, DateOnly day, decimal hours, Guid? activityId, Guid? eventId, string? note)
    {
        Id = Guid.CreateVersion7(); VolunteerId = volunteerId; Day = day; Hours = hours; ActivityId = activityId; EventId = eventId; Note = note;
    }
    public Guid Id { get; private set; }
    public Guid VolunteerId { get; private set; }
    public DateOnly Day { get; private set; }
    public decimal Hours { get; private set; }
    public Guid? ActivityId { get; private set; }
    public Guid? EventId { get; private set; }
    public string? Note { get; private set; }
}

public enum DeliverableKind { Publication, Handbook, Model, Methodology, Survey, Audit, Other }

/// <summary>The optional facts a deliverable of a kind carries: how many were asked and answered for a survey, who
/// audited for an audit, to whom it was presented for the others. One rule for the form (which shows only these) and
/// every entry path (which refuses the others).</summary>
public static class DeliverableFields
{
    public static bool HasSurveyFigures(DeliverableKind kind) => kind == DeliverableKind.Survey;
    public static bool HasAuditor(DeliverableKind kind) => kind == DeliverableKind.Audit;
    public static bool HasPresentedTo(DeliverableKind kind) => kind is not (DeliverableKind.Survey or DeliverableKind.Audit);
}

public sealed record DeliverableDetails(
    Guid? ActivityId, DeliverableKind Kind, string Title, DateOnly? Date, string? PresentedTo, int? SurveySent, int? SurveyAnswered,
    string? Auditor, string? Description);

/// <summary>A result the project produced: a handbook, a model presented to institutions, a survey, an audit…</summary>
public sealed class Deliverable : IVersioned
{
    private Deliverable() { Title = ""; }

    public Deliverable(Guid projectId, DateRange projectPeriod, DeliverableDetails details)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Title = "";
        Update(projectPeriod, details);
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid? ActivityId { get; private set; }
    public DeliverableKind Kind { get; private set; }
    public string Title { get; private set; }
    public DateOnly? Date { get; private set; }
    /// <summary>Institutions a model or methodology was presented to.</summary>
    public string? PresentedTo { get; private set; }
    public int? SurveySent { get; private set; }
    public int? SurveyAnswered { get; private set; }
    public string? Auditor { get; private set; }
    public string? Description { get; private set; }
    public int Version { get; set; }

    public void Update(DateRange projectPeriod, DeliverableDetails d)
    {
        ActivityId = d.ActivityId;
        Kind = Guard.Defined(d.Kind, nameof(Kind));
        Title = Guard.Required(d.Title, nameof(Title), 500);
        if (d.Date is { } date && !projectPeriod.Contains(date)) throw new DomainException("DateOutsideProject", nameof(Date), projectPeriod.Start, projectPeriod.End);
        Date = d.Date;
        PresentedTo = Guard.Optional(d.PresentedTo, nameof(PresentedTo), 2000);
        if (PresentedTo is not null && !DeliverableFields.HasPresentedTo(Kind))
            throw new DomainException("NotForThisKind", nameof(PresentedTo));
        if ((d.SurveySent is not null || d.SurveyAnswered is not null) && !DeliverableFields.HasSurveyFigures(Kind))
            throw new DomainException("NotForThisKind", d.SurveySent is not null ? nameof(SurveySent) : nameof(SurveyAnswered));
        if (!string.IsNullOrWhiteSpace(d.Auditor) && !DeliverableFields.HasAuditor(Kind))
            throw new DomainException("NotForThisKind", nameof(Auditor));
        if (d.SurveySent is < 0) throw new DomainException("CountNegative", nameof(SurveySent));
        if (d.SurveyAnswered is < 0) throw new DomainException("CountNegative", nameof(SurveyAnswered));
        if (d.SurveyAnswered > d.SurveySent) throw new DomainException("AnsweredAboveSent", nameof(SurveyAnswered));
        SurveySent = d.SurveySent;
        SurveyAnswered = d.SurveyAnswered;
        Auditor = Guard.Optional(d.Auditor, nameof(Auditor), 300);
        Description = Guard.Optional(d.Description, nameof(Description), 4000);
    }
}
