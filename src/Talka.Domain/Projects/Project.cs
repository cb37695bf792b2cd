using Talka.Domain.Common;

namespace Talka.Domain.Projects;

public enum ActivityKind { Training, Seminar, Consultation, Supervision, LivingLibrarySession, Event, Deliverable, Survey, Audit, Publicity, Other }

public enum TargetGroup
{
    Children,                 // vaikai
    ParentsAndFamilies,       // tėvai ir šeimos
    ConvictsAndFormerPrisoners, // nuteistieji ir grįžę iš įkalinimo įstaigų
    Seniors,                  // senjorai
    PersonsWithDisabilities,  // asmenys su negalia
    ChildrenWithoutParentalCare, // likę be tėvų globos vaikai
    NgoStaffAndVolunteers,    // NVO darbuotojai ir savanoriai
    Specialists,              // specialistai
    PublicServants,           // savivaldybių ir valstybės institucijų darbuotojai
}

/// <summary>The plan as a user edits it: rows without an id are new, existing rows left out are removed.</summary>
public sealed record PlanInput(
    string Title, string? Goal, string? Summary,
    IReadOnlyList<ObjectiveInput> Objectives,
    IReadOnlyList<ActivityInput> Activities,
    IReadOnlyList<TargetGroup> TargetGroups,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<IndicatorInput> Indicators);

public sealed record ObjectiveInput(Guid? Id, string Text);
/// <param name="ObjectiveNumber">1-based position of the objective in <see cref="PlanInput.Objectives"/>.</param>
public sealed record ActivityInput(Guid? Id, int ObjectiveNumber, ActivityKind Kind, string Title, string? Description);
/// <param name="Metric">The computed figure this indicator is measured by; null for a manual indicator.</param>
public sealed record IndicatorInput(Guid? Id, string Name, string Unit, decimal Target, Indicators.Metric? Metric = null);

/// <summary>
/// A project: the plan an organisation carries out under an agreement. The plan (goal, ordered objectives,
/// activities under objectives, target groups, municipalities, planned indicators) is revised as a whole so
/// that concurrent edits are detected on the project's <see cref="Version"/>.
/// </summary>
public sealed class Project : IVersioned
{
    private readonly List<Objective> _objectives = [];
    private readonly List<Activity> _activities = [];
    private readonly List<PlannedIndicator> _indicators = [];
    private readonly List<ProjectPartner> _partners = [];
    private readonly List<ProjectMunicipality> _municipalities = [];
    private readonly List<ProjectTargetGroup> _targetGroups = [];

    private Project() { Title = ""; }

    public Project(Guid callId, Guid organisationId, Guid? applicationId, string title, DateOnly start, DateOnly end)
    {
        Id = Guid.CreateVersion7();
        CallId = callId;
        OrganisationId = organisationId;
        ApplicationId = applicationId;
        Title = Guard.Required(title, nameof(Title), 500);
        SearchTitle = SearchText.Normalize(Title);
        SetPeriod(start, end);
    }

    public Guid Id { get; private set; }
    public Guid CallId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? ApplicationId { get; private set; }
    public string Title { get; private set; }
    /// <summary>The title as searched: lower case, no diacritics (<see cref="SearchText"/>).</summary>
    public string SearchTitle { get; private set; } = "";
    public string? Goal { get; private set; }
    /// <summary>A short public description.</summary>
    public string? Summary { get; private set; }
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public DateRange Period => new(Start, End);
    /// <summary>Funds used as the organisation reported them, until the expenditure ledger computes them.</summary>
    public decimal? ReportedFundsUsed { get; private set; }
    public bool IsPublished { get; private set; }
    /// <summary>Where the facts of a transcribed record come from (e.g. the publication's address or title).</summary>
    public string? Source { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<Objective> Objectives => _objectives;
    public IReadOnlyList<Activity> Activities => _activities;
    public IReadOnlyList<PlannedIndicator> Indicators => _indicators;
    public IReadOnlyList<ProjectPartner> Partners => _partners;
    public IReadOnlyList<ProjectMunicipality> Municipalities => _municipalities;
    public IReadOnlyList<ProjectTargetGroup> TargetGroups => _targetGroups;

    public void SetPeriod(DateOnly start, DateOnly end)
    {
        var period = new DateRange(start, end, nameof(End));
        Start = period.Start;
        End = period.End;
    }

    public void SetReportedFundsUsed(decimal? amount) =>
        ReportedFundsUsed = amount is { } a ? Guard.NonNegativeAmount(a, nameof(ReportedFundsUsed)) : null;

    public void SetSource(string? source) => Source = Guard.Optional(source, nameof(Source), 1000);

    public void Publish() => IsPublished = true;
    public void Unpublish() => IsPublished = false;

    public void AddPartner(Guid organisationId, string? role = null)
    {
        if (organisationId == OrganisationId) throw new DomainException("PartnerIsApplicant", "Partners");
        if (_partners.All(p => p.OrganisationId != organisationId))
            _partners.Add(new ProjectPartner(Id, organisationId, Guard.Optional(role, "PartnerRole", 200)));
    }

    public void RemovePartner(Guid organisationId) => _partners.RemoveAll(p => p.OrganisationId == organisationId);

    /// <summary>An approved amendment's new target for one of the plan's indicators.</summary>
    public void AmendIndicatorTarget(Guid indicatorId, decimal target)
    {
        var indicator = _indicators.SingleOrDefault(i => i.Id == indicatorId) ?? throw new DomainException("UnknownRow", "IndicatorId");
        if (target < 0) throw new DomainException("TargetNegative", "NewTarget");
        indicator.Revise(indicator.Name, indicator.Unit, target, indicator.Position, indicator.Metric);
    }

    /// <summary>An approved amendment's new description (what the activity will do) of one of the plan's activities.</summary>
    public void AmendActivityDescription(Guid activityId, string? description)
    {
        var activity = _activities.SingleOrDefault(a => a.Id == activityId) ?? throw new DomainException("UnknownRow", "ActivityId");
        activity.Revise(activity.ObjectiveId, activity.Kind, activity.Title, Guard.Required(description, "NewActivityDescription", 4000),
            activity.Position);
    }

    /// <summary>Replaces the plan with the user's edit, keeping the identity of rows that stay.</summary>
    public void RevisePlan(PlanInput plan)
    {
        Title = Guard.Required(plan.Title, nameof(Title), 500);
        SearchTitle = SearchText.Normalize(Title);
        Goal = Guard.Optional(plan.Goal, nameof(Goal), 4000);
        Summary = Guard.Optional(plan.Summary, nameof(Summary), 4000);

        // Objectives, in the order given.
        var objectives = new List<Objective>();
        for (var i = 0; i < plan.Objectives.Count; i++)
        {
            var input = plan.Objectives[i];
            var field = $"Objectives[{i}].Text";
            var text = Guard.Required(input.Text, field, 2000);
            var objective = input.Id is { } id
                ? _objectives.SingleOrDefault(o => o.Id == id) ?? throw new DomainException("UnknownRow", field)
                : new Objective(Id, i + 1, text);
            objective.Revise(i + 1, text);
            objectives.Add(objective);
        }
        _objectives.RemoveAll(o => !objectives.Contains(o));
        _objectives.AddRange(objectives.Where(o => !_objectives.Contains(o)));

        var activities = new List<Activity>();
        for (var i = 0; i < plan.Activities.Count; i++)
        {
            var input = plan.Activities[i];
            var field = $"Activities[{i}]";
            if (input.ObjectiveNumber < 1 || input.ObjectiveNumber > objectives.Count)
                throw new DomainException("ActivityNeedsObjective", field + ".ObjectiveNumber");
            var objective = objectives[input.ObjectiveNumber - 1];
            var title = Guard.Required(input.Title, field + ".Title", 500);
            var description = Guard.Optional(input.Description, field + ".Description", 4000);
            var activity = input.Id is { } id
                ? _activities.SingleOrDefault(a => a.Id == id) ?? throw new DomainException("UnknownRow", field + ".Title")
                : new Activity(Id, objective.Id, input.Kind, title, description);
            activity.Revise(objective.Id, input.Kind, title, description, i + 1);
            activities.Add(activity);
        }
        _activities.RemoveAll(a => !activities.Contains(a));
        _activities.AddRange(activities.Where(a => !_activities.Contains(a)));

        _targetGroups.RemoveAll(t => !plan.TargetGroups.Contains(t.TargetGroup));
        foreach (var group in plan.TargetGroups.Distinct().Where(g => _targetGroups.All(t => t.TargetGroup != g)))
            _targetGroups.Add(new ProjectTargetGroup(Id, group));

        var municipalities = plan.Municipalities.Select(m => Common.Municipalities.Require(m, nameof(Municipalities))).Distinct().ToList();
        _municipalities.RemoveAll(m => !municipalities.Contains(m.Municipality));
        foreach (var m in municipalities.Where(m => _municipalities.All(x => x.Municipality != m)))
            _municipalities.Add(new ProjectMunicipality(Id, m));

        var indicators = new List<PlannedIndicator>();
        for (var i = 0; i < plan.Indicators.Count; i++)
        {
            var input = plan.Indicators[i];
            var field = $"Indicators[{i}]";
            var name = Guard.Required(input.Name, field + ".Name", 300);
            var unit = Guard.Required(input.Unit, field + ".Unit", 50);
            if (input.Target < 0) throw new DomainException("TargetNegative", field + ".Target");
            var indicator = input.Id is { } id
                ? _indicators.SingleOrDefault(x => x.Id == id) ?? throw new DomainException("UnknownRow", field + ".Name")
                : new PlannedIndicator(Id, name, unit, input.Target);
            indicator.Revise(name, unit, input.Target, i + 1, input.Metric);
            indicators.Add(indicator);
        }
        if (indicators.GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } dup)
            throw new DomainException("IndicatorTwice", $"Indicators[{indicators.IndexOf(dup.Last())}].Name");
        _indicators.RemoveAll(x => !indicators.Contains(x));
        _indicators.AddRange(indicators.Where(x => !_indicators.Contains(x)));
    }
}

public sealed class Objective
{
    private Objective() { Text = ""; }
    internal Objective(Guid projectId, int number, string text) { Id = Guid.CreateVersion7(); ProjectId = projectId; Number = number; Text = text; }
    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Number { get; private set; }
    public string Text { get; private set; }
    internal void Revise(int number, string text) { Number = number; Text = text; }
}

public sealed class Activity
{
    private Activity() { Title = ""; }
    internal Activity(Guid projectId, Guid objectiveId, ActivityKind kind, string title, string? description)
    {
        Id = Guid.CreateVersion7(); ProjectId = projectId; ObjectiveId = objectiveId; Kind = Guard.Defined(kind, nameof(Kind)); Title = title; Description = description;
    }
    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid ObjectiveId { get; private set; }
    public int Position { get; private set; }
    public ActivityKind Kind { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    internal void Revise(Guid objectiveId, ActivityKind kind, string title, string? description, int position)
    {
        ObjectiveId = objectiveId; Kind = Guard.Defined(kind, nameof(Kind)); Title = title; Description = description; Position = position;
    }
}

public sealed class PlannedIndicator
{
    private PlannedIndicator() { Name = ""; Unit = ""; }
    internal PlannedIndicator(Guid projectId, string name, string unit, decimal target)
    {
        Id = Guid.CreateVersion7(); ProjectId = projectId; Name = name; Unit = unit; Target = target;
    }
    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; }
    public string Unit { get; private set; }
    public decimal Target { get; private set; }
    /// <summary>The computed figure the actual comes from; null when the indicator is manual.</summary>
    public Indicators.Metric? Metric { get; private set; }
    /// <summary>For a manual indicator: the value the organisation states, with what supports it.</summary>
    public decimal? ManualActual { get; private set; }
    public string? ManualEvidence { get; private set; }
    internal void Revise(string name, string unit, decimal target, int position, Indicators.Metric? metric)
    {
        Name = name; Unit = unit; Target = target; Position = position; Metric = metric;
        if (metric is not null) { ManualActual = null; ManualEvidence = null; }
    }

    /// <summary>Records the actual of a manual indicator; evidence is required, because no record backs the
    /// number.</summary>
    public void RecordManualActual(decimal value, string evidence)
    {
        if (Metric is not null) throw new DomainException("IndicatorIsComputed", nameof(ManualActual));
        if (value < 0) throw new DomainException("TargetNegative", nameof(ManualActual));
        ManualActual = value;
        ManualEvidence = Guard.Required(evidence, nameof(ManualEvidence), 2000);
    }
}

public sealed class ProjectPartner
{
    private ProjectPartner() { }
    internal ProjectPartner(Guid projectId, Guid organisationId, string? role) { ProjectId = projectId; OrganisationId = organisationId; Role = role; }
    public Guid ProjectId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string? Role { get; private set; }
}

public sealed class ProjectMunicipality
{
    private ProjectMunicipality() { Municipality = ""; }
    internal ProjectMunicipality(Guid projectId, string municipality) { ProjectId = projectId; Municipality = municipality; }
    public Guid ProjectId { get; private set; }
    public string Municipality { get; private set; }
}

public sealed class ProjectTargetGroup
{
    private ProjectTargetGroup() { }
    internal ProjectTargetGroup(Guid projectId, TargetGroup group) { ProjectId = projectId; TargetGroup = Guard.Defined(group, "TargetGroups"); }
    public Guid ProjectId { get; private set; }
    public TargetGroup TargetGroup { get; private set; }
}
