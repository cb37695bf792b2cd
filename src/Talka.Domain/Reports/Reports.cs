using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Delivery;

namespace Talka.Domain.Reports;

public enum ReportKind { QuarterlyFinancial, Activity, Final }
public enum ReportStatus { Draft, Submitted, Returned, Approved }

public sealed record ScheduledReport(ReportKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Due);

/// <summary>
/// Which reports a project owes and when, from its period and the call's rules:
/// a quarterly financial report for every quarter, due by the 5th day of the next month (the last quarter's by 5 January);
/// activity reports half-yearly when the state funding reaches the call's threshold, else annual; a final report at the end.
/// </summary>
public static class ReportSchedule
{
    /// <summary>Days after the project's end the final report is due (the rules do not say; Talka's default).</summary>
    public const int FinalReportDays = 15;

    public static IReadOnlyList<ScheduledReport> For(DateRange period, decimal stateFunding, ReportingRules rules)
    {
        var reports = new List<ScheduledReport>();
        for (var quarter = Quarter.Of(period.Start); quarter.FirstDay <= period.End; quarter = Next(quarter))
            reports.Add(new ScheduledReport(ReportKind.QuarterlyFinancial, Max(quarter.FirstDay, period.Start), Min(quarter.LastDay, period.End), DueAfter(quarter.LastDay)));
        var months = rules.HalfYearlyActivityReports(stateFunding) ? 6 : 12;
        for (var start = new DateOnly(period.Start.Year, period.Start.Month <= 6 || months == 12 ? 1 : 7, 1); start <= period.End; start = start.AddMonths(months))
        {
            var end = start.AddMonths(months).AddDays(-1);
            if (end >= period.End) break; // the final report covers the last stretch
            reports.Add(new ScheduledReport(ReportKind.Activity, Max(start, period.Start), end, DueAfter(end)));
        }
        reports.Add(new ScheduledReport(ReportKind.Final, period.Start, period.End, period.End.AddDays(FinalReportDays)));
        return reports;
    }

    /// <summary>The 5th day of the month after the day.</summary>
    public static DateOnly DueAfter(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(4);

    private static Quarter Next(Quarter q) => q.Number == 4 ? new Quarter(q.Year + 1, 1) : new Quarter(q.Year, q.Number + 1);
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>A submitted version: the report's content as it was when submitted, frozen.</summary>
public sealed class ReportVersion
{
    private ReportVersion() { Content = ""; SubmittedBy = ""; }
    internal ReportVersion(Guid reportId, int number, string content, string submittedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(); ReportId = reportId; Number = number; Content = content; SubmittedBy = submittedBy; SubmittedAt = at;
    }
    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public int Number { get; private set; }
    /// <summary>The pre-filled figures, lists and narratives as JSON, exactly as submitted.</summary>
    public string Content { get; private set; }
    public string SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
}

/// <summary>The funder's comment on a section or a line of a submitted version.</summary>
public sealed class ReportComment
{
    private ReportComment() { Section = ""; Text = ""; Author = ""; }
    internal ReportComment(Guid reportId, int version, int number, string section, string text, string author, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(); ReportId = reportId; VersionNumber = version; Number = number; Section = section; Text = text;
        Author = author; At = at;
    }
    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public int VersionNumber { get; private set; }
    /// <summary>The remark's place among the report's remarks (1, 2, …): remarks written at once keep their order.</summary>
    public int Number { get; private set; }
    public string Section { get; private set; }
    public string Text { get; private set; }
    public string Author { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>A narrative the organisation writes for one activity of the approved plan, and its explanation where
/// the figures it states and the records differ.</summary>
public sealed class ReportNarrative
{
    private ReportNarrative() { Text = ""; }
    internal ReportNarrative(Guid reportId, Guid activityId, string text) { ReportId = reportId; ActivityId = activityId; Text = text; }
    public Guid ReportId { get; private set; }
    public Guid ActivityId { get; private set; }
    public string Text { get; private set; }
    public string? Explanation { get; private set; }
    internal void Revise(string text) => Text = text;
    internal void Explain(string? explanation) => Explanation = explanation;
}

public sealed record CommentInput(string Section, string Text);

/// <summary>
/// A report the project owes. Its workflow: draft → submitted → returned (with comments) → resubmitted → approved.
/// A submitted version never changes; every version is kept; an approved report cannot be changed by anyone.
/// </summary>
public sealed class Report : IVersioned
{
    private readonly List<ReportVersion> _versions = [];
    private readonly List<ReportComment> _comments = [];
    private readonly List<ReportNarrative> _narratives = [];

    private Report() { }

    public Report(Guid projectId, ScheduledReport schedule)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Kind = schedule.Kind;
        PeriodStart = schedule.PeriodStart;
        PeriodEnd = schedule.PeriodEnd;
        Due = schedule.Due;
        Status = ReportStatus.Draft;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public ReportKind Kind { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateOnly Due { get; private set; }
    public ReportStatus Status { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public IReadOnlyList<ReportVersion> Versions => _versions;
    public IReadOnlyList<ReportComment> Comments => _comments;
    public IReadOnlyList<ReportNarrative> Narratives => _narratives;
    public int Version { get; set; }

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;
    public bool IsOverdue(DateOnly today) => Status is ReportStatus.Draft or ReportStatus.Returned && today > Due;

    /// <summary>How many days late a report is or was: first submitted after its due day (the days between), or not
    /// submitted and past it (the days until today); null when on time.</summary>
    public static int? DaysLate(DateOnly due, DateOnly? firstSubmitted, DateOnly today)
    {
        var late = (firstSubmitted ?? today).DayNumber - due.DayNumber;
        return late > 0 ? late : null;
    }

    public void WriteNarrative(Guid activityId, string? text)
    {
        if (!IsEditable) throw new DomainException(Status == ReportStatus.Approved ? "ReportApproved" : "ReportSubmitted", "Narratives");
        var clean = Guard.Optional(text, "Narratives", 8000) ?? "";
        var existing = _narratives.SingleOrDefault(n => n.ActivityId == activityId);
        if (existing is null) _narratives.Add(new ReportNarrative(Id, activityId, clean));
        else existing.Revise(clean);
    }

    /// <summary>Why a narrative's figures and the records differ, in the organisation's words (empty takes it
    /// away). The funder reads it beside the difference.</summary>
    public void ExplainNarrative(Guid activityId, string? explanation)
    {
        if (!IsEditable) throw new DomainException(Status == ReportStatus.Approved ? "ReportApproved" : "ReportSubmitted", "Explanations");
        var clean = Guard.Optional(explanation, "Explanations", 2000);
        var existing = _narratives.SingleOrDefault(n => n.ActivityId == activityId);
        if (existing is null)
        {
            if (clean is null) return;
            existing = new ReportNarrative(Id, activityId, "");
            _narratives.Add(existing);
        }
        existing.Explain(clean);
    }

    /// <summary>
    /// Refuses submission while an activity of the plan has no narrative, naming them (activity and final reports,
    /// when the call requires narratives).
    /// </summary>
    public void RequireNarratives(IReadOnlyList<(Guid ActivityId, string Title)> activities)
    {
        if (Kind == ReportKind.QuarterlyFinancial) return;
        var missing = activities.Where(a => string.IsNullOrWhiteSpace(_narratives.SingleOrDefault(n => n.ActivityId == a.ActivityId)?.Text))
            .Select(a => $"„{a.Title}“").ToList();
        if (missing.Count > 0) throw new DomainException("NarrativesMissing", "Narratives", string.Join(", ", missing));
    }

    /// <summary>Freezes the content (pre-filled from the records by the caller) as the next version.</summary>
    public ReportVersion Submit(string content, string by, DateTimeOffset at)
    {
        if (!IsEditable) throw new DomainException(Status == ReportStatus.Approved ? "ReportApproved" : "ReportSubmitted", "Status");
        if (DateOnly.FromDateTime(at.UtcDateTime) < PeriodEnd) throw new DomainException("ReportTooEarly", "Status", PeriodEnd);
        var version = new ReportVersion(Id, _versions.Count + 1, content, by, at);
        _versions.Add(version);
        Status = ReportStatus.Submitted;
        return version;
    }

    public void Return(IReadOnlyList<CommentInput> comments, string by, DateTimeOffset at)
    {
        if (Status != ReportStatus.Submitted) throw new DomainException("ReportNotSubmitted", "Status");
        if (comments.Count == 0 || comments.All(c => string.IsNullOrWhiteSpace(c.Text))) throw new DomainException("CommentRequired", "Comments");
        foreach (var c in comments.Where(c => !string.IsNullOrWhiteSpace(c.Text)))
            _comments.Add(new ReportComment(Id, _versions.Count, _comments.Count + 1, Guard.Required(c.Section, "Section", 200),
                Guard.Required(c.Text, "Comments", 4000), by, at));
        Status = ReportStatus.Returned;
    }

    public void Approve(string by, DateTimeOffset at)
    {
        if (Status != ReportStatus.Submitted) throw new DomainException("ReportNotSubmitted", "Status");
        Status = ReportStatus.Approved;
        ApprovedBy = by;
        ApprovedAt = at;
    }
}
