using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Finance;
using Talka.Domain.Indicators;
using Talka.Domain.Projects;
using Talka.Domain.Reports;
using Talka.Web.Features.Delivery;
using Talka.Web.Features.Notifications;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Reports;

internal sealed class ReportMapping : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProjectId, x.Kind, x.PeriodStart }).IsUnique();
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Comments).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Narratives).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportVersionMapping : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> b) => b.Property(x => x.SubmittedBy).HasMaxLength(256);
}

internal sealed class ReportCommentMapping : IEntityTypeConfiguration<ReportComment>
{
    public void Configure(EntityTypeBuilder<ReportComment> b)
    {
        b.Property(x => x.Section).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Author).HasMaxLength(256);
    }
}

internal sealed class ReportNarrativeMapping : IEntityTypeConfiguration<ReportNarrative>
{
    public void Configure(EntityTypeBuilder<ReportNarrative> b)
    {
        b.HasKey(x => new { x.ReportId, x.ActivityId });
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.Explanation).HasMaxLength(2000);
    }
}

public sealed record ContentFigure(Metric Metric, decimal Value);
/// <param name="AcademicHours">The event's total: sessions × academic hours per session.</param>
public sealed record ContentEvent(
    int Number, EventKind Kind, string Topic, DateOnly Start, DateOnly End, int Sessions, decimal? AcademicHours, int ListedParticipants,
    int? Headcount)
{
    /// <summary>Academic hours of one session (derived, so that versions frozen before it was shown have it
    /// too).</summary>
    public decimal? PerSession => AcademicHours is { } total && Sessions > 0 ? decimal.Round(total / Sessions, 2) : null;
}
public sealed record ContentDeliverable(DeliverableKind Kind, string Title, DateOnly? Date);
public sealed record ContentExpense(DocumentType DocumentType, string DocumentNumber, DateOnly DocumentDate, string Supplier, string Content, CostCategory Category, decimal Amount, DateOnly PaidOn);
public sealed record ContentNarrative(Guid ActivityId, string Activity, string Text, string? Explanation = null);

/// <summary>A report's content: pre-filled from the records for its period, with the organisation's narratives. Frozen
/// as JSON when submitted.</summary>
public sealed record ReportContent(
    ReportKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, string Project, string Organisation, string? AgreementNumber,
    IReadOnlyList<ContentFigure> Figures, IReadOnlyList<ContentEvent> Events, IReadOnlyList<ContentDeliverable> Deliverables,
    IReadOnlyList<ExecutionLine> Execution, IReadOnlyList<ContentExpense> Expenses, decimal ExpensesTotal, IReadOnlyList<ContentNarrative> Narratives);

/// <param name="SubmittedAt">When the report was last submitted; null while it never was.</param>
/// <param name="DaysLate">Days it was first submitted after its due day, or is overdue by; null when on time.</param>
public sealed record ReportRow(Guid Id, Guid ProjectId, string Project, string Organisation, ReportKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Due,
    ReportStatus Status, int Versions, bool Overdue, DateTimeOffset? SubmittedAt = null, int? DaysLate = null);

/// <param name="PdfPreparing">The shown version's PDF is still being printed (it is printed once, after
/// submission).</param>
public sealed record ReportView(ReportRow Report, ReportContent Content, int? ShownVersion, IReadOnlyList<ReportVersion> Versions,
    IReadOnlyList<ReportRemark> Comments, bool CanEdit, bool CanReview, int Version, bool PdfPreparing);

/// <summary>A report's PDF, or why there is none yet.</summary>
public sealed record ReportPdfOutcome(byte[]? Pdf, string FileName, bool Preparing);

/// <summary>
/// Reports: owed by schedule, pre-filled from the records, frozen when submitted, reviewed by the funder. The
/// organisation's
/// members write and submit; funder admins return or approve; auditors read. Nobody changes an approved report.
/// </summary>
public sealed class ReportService(TalkaDbContext db, ProjectGate gate, ViewerAccessor viewers, ProjectPermissions permissions, DeliveryQueries delivery, Finance.FinanceService finance,
    Writes writes, TimeProvider clock, JobQueue jobs, ReportPdf printer, Texts texts, Notifier notifier,
    Programmes.ProgrammeOfficers officers, Payments.PaymentService payments, ReportScheduler scheduler)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Makes sure the project's scheduled reports exist (from its agreement and the call's rules); returns
    /// them.</summary>
    public async Task<IReadOnlyList<ReportRow>?> ForProjectAsync(Guid projectId, CancellationToken ct = default)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.ReadRefusal(context) is not null) return null;
        await scheduler.EnsureAsync(context!, ct);
        return await RowsAsync(db.Set<Report>().Where(r => r.ProjectId == projectId), ct);
    }

    /// <summary>Makes sure every project still running, or ended after <paramref name="since"/>, has its scheduled
    /// reports (they are otherwise made when the project's reports are first listed): the daily reminders find
    /// them. A page of projects at a time.</summary>
    public async Task EnsureSchedulesAsync(DateOnly since, CancellationToken ct = default)
    {
        for (var skip = 0; ; skip += 200)
        {
            var projects = await db.Projects.AsNoTracking().Where(p => p.End >= since).OrderBy(p => p.Id).Skip(skip).Take(200).ToListAsync(ct);
            var callIds = projects.Select(p => p.CallId).Distinct().ToList();
            var rules = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => new Talka.Domain.Calls.ReportingRules(c.Rules.MinutesPerAcademicHour, c.Rules.HalfYearlyReportThreshold,
                    c.Rules.ReallocationThresholdPercent, c.Rules.NarrativesRequired), ct);
            foreach (var project in projects)
                await scheduler.EnsureAsync(new ProjectContext(project, rules[project.CallId], false, false), ct);
            db.ChangeTracker.Clear();
            if (projects.Count < 200) return;
        }
    }

    /// <summary>The queue's column sorts ("priority", what needs the funder first, is the default).</summary>
    public static readonly string[] QueueSorts = ["priority", "due", "project", "organisation"];

    public const int QueuePageSize = 50;

    /// <summary>The funder's queue: reports awaiting review, then overdue, then due within a month, across all
    /// projects; ordered, counted and cut in the database, 50 a page.</summary>
    /// <param name="filter">"review" (awaiting review), "overdue", "soon" (due within 14 days), "returned" (returned and
    /// not yet resubmitted), or null for the whole queue.</param>
    /// <param name="search">Words of the project's title or the organisation's name, in any case, with or without
    /// diacritics.</param>
    public async Task<Organisations.Page<ReportRow>?> QueueAsync(int page = 1, string? filter = null, CancellationToken ct = default,
        string? search = null, Guid? programmeId = null, string? sort = null, Guid? callId = null, Guid? organisationId = null)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.ReadsEverything) return null;
        page = Math.Max(1, page);
        var today = Today;
        var soon = today.AddDays(31);
        var fortnight = today.AddDays(14);
        var all = db.Set<Report>().AsNoTracking();
        var open = all.Where(r => r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned);
        var queue = filter switch
        {
            "review" => all.Where(r => r.Status == ReportStatus.Submitted),
            "overdue" => open.Where(r => r.Due < today),
            "soon" => open.Where(r => r.Due >= today && r.Due <= fortnight),
            "returned" => all.Where(r => r.Status == ReportStatus.Returned),
            "approved" => all.Where(r => r.Status == ReportStatus.Approved),
            _ => all.Where(r => r.Status == ReportStatus.Submitted
                || ((r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned) && r.Due <= soon)),
        };
        if (programmeId is { } programme)
            queue = queue.Where(r => db.Projects.Any(p => p.Id == r.ProjectId
                && db.Calls.Any(c => c.Id == p.CallId && c.ProgrammeId == programme)));
        if (callId is { } call)
            queue = queue.Where(r => db.Projects.Any(p => p.Id == r.ProjectId && p.CallId == call));
        if (organisationId is { } organisation)
            queue = queue.Where(r => db.Projects.Any(p => p.Id == r.ProjectId && p.OrganisationId == organisation));
        foreach (var word in Talka.Domain.Common.SearchText.Normalize(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            queue = queue.Where(r => db.Projects.Any(p => p.Id == r.ProjectId && (p.SearchTitle.Contains(word)
                || db.Organisations.Any(o => o.Id == p.OrganisationId && o.SearchName.Contains(word)))));
        var total = await queue.CountAsync(ct);
        // By the column asked for; else approved ones latest first, the rest by what needs the funder first.
        var ordered = sort switch
        {
            "due" => queue.OrderBy(r => r.Due).ThenBy(r => r.Id),
            // The collation outside the subquery: SQLite does not carry it out of one.
            "project" => queue.OrderBy(r => EF.Functions.Collate(
                    db.Projects.Where(p => p.Id == r.ProjectId).Select(p => p.Title).First(), LithuanianCollation.Name))
                .ThenBy(r => r.Due).ThenBy(r => r.Id),
            "organisation" => queue.OrderBy(r => EF.Functions.Collate(db.Projects.Where(p => p.Id == r.ProjectId)
                    .SelectMany(p => db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name)).First(),
                    LithuanianCollation.Name))
                .ThenBy(r => r.Due).ThenBy(r => r.Id),
            _ when filter == "approved" => queue.OrderByDescending(r => r.Due).ThenBy(r => r.Id),
            _ => queue.OrderBy(r => r.Status == ReportStatus.Submitted ? 0 : r.Due < today ? 1 : 2).ThenBy(r => r.Due).ThenBy(r => r.Id),
        };
        var ids = await ordered.Skip((page - 1) * QueuePageSize).Take(QueuePageSize).Select(r => r.Id).ToListAsync(ct);
        var rows = (await RowsAsync(db.Set<Report>().Where(r => ids.Contains(r.Id)), ct)).ToDictionary(r => r.Id);
        return new Organisations.Page<ReportRow>(ids.Select(id => rows[id]).ToList(), page, QueuePageSize, total);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<IReadOnlyList<ReportRow>> RowsAsync(IQueryable<Report> query, CancellationToken ct)
    {
        var today = Today;
        var rows = await (from r in query.AsNoTracking()
                          join p in db.Projects.AsNoTracking() on r.ProjectId equals p.Id
                          join o in db.Organisations.AsNoTracking() on p.OrganisationId equals o.Id
                          select new
                          {
                              r, p.Title, Organisation = o.Name, Versions = r.Versions.Count,
                              First = r.Versions.OrderBy(v => v.Number).Select(v => (DateTimeOffset?)v.SubmittedAt).FirstOrDefault(),
                              Last = r.Versions.OrderByDescending(v => v.Number).Select(v => (DateTimeOffset?)v.SubmittedAt).FirstOrDefault(),
                          }).ToListAsync(ct);
        DateOnly? Day(DateTimeOffset? at) => at is { } x ? DateOnly.FromDateTime(Talka.Domain.Common.LtFormat.VilniusTime(x.UtcDateTime)) : null;
        return rows.OrderBy(x => x.r.Due).ThenBy(x => x.r.Kind)
            .Select(x => new ReportRow(x.r.Id, x.r.ProjectId, x.Title, x.Organisation, x.r.Kind, x.r.PeriodStart, x.r.PeriodEnd, x.r.Due, x.r.Status, x.Versions,
                x.r.IsOverdue(today), x.Last, Report.DaysLate(x.r.Due, Day(x.First), today)))
            .ToList();
    }

    public async Task<ReportView?> ViewAsync(Guid projectId, Guid reportId, int? versionNumber, CancellationToken ct = default)
    {
        var context = await gate.FindAsync(projectId, ct);
        if (ProjectGate.ReadRefusal(context) is not null) return null;
        var report = await db.Set<Report>().AsNoTracking().AsSplitQuery().Include(r => r.Versions).Include(r => r.Comments).Include(r => r.Narratives)
            .SingleOrDefaultAsync(r => r.Id == reportId && r.ProjectId == projectId, ct);
        if (report is null) return null;
        var versions = report.Versions.OrderBy(v => v.Number).ToList();
        // A draft shows the live pre-fill; anything submitted shows the frozen version (the latest unless another is
        // asked for).
        var shown = versionNumber is { } n ? versions.SingleOrDefault(v => v.Number == n)
            : report.IsEditable ? null : versions.LastOrDefault();
        if (versionNumber is not null && shown is null) return null;
        var content = shown is not null ? JsonSerializer.Deserialize<ReportContent>(shown.Content, Json)! : await ContentAsync(context!, report, ct);
        var row = (await RowsAsync(db.Set<Report>().Where(r => r.Id == reportId), ct)).Single();
        var preparing = shown is not null && !await db.Set<ReportPdfFile>().AnyAsync(f => f.VersionId == shown.Id, ct);
        if (preparing && !await jobs.PendingAsync(ReportPdfJob.JobKind, shown!.Id.ToString(), ct))
        {
            // A version frozen before PDFs were kept, or whose printing failed: printed now.
            jobs.Enqueue(ReportPdfJob.JobKind, shown.Id.ToString());
            await db.SaveChangesAsync(ct);
        }
        // Remarks name their author as people know them, not by e-mail address.
        var authors = report.Comments.Select(c => c.Author).Distinct().ToList();
        var names = await db.Users.Where(u => u.Email != null && authors.Contains(u.Email) && u.DisplayName != "")
            .Select(u => new { Email = u.Email!, u.DisplayName }).ToDictionaryAsync(u => u.Email, u => u.DisplayName, ct);
        var remarks = report.Comments.OrderBy(c => c.At).ThenBy(c => c.Number)
            .Select(c => new ReportRemark(c.VersionNumber, c.Section, c.Text, names.GetValueOrDefault(c.Author, c.Author), c.At))
            .ToList();
        return new ReportView(row, content, shown?.Number, versions, remarks,
            context!.CanWrite && report.IsEditable,
            report.Status == ReportStatus.Submitted && await permissions.MayAsync(ProjectOperation.Review, context.Project.OrganisationId, context.Project.IsPublished),
            report.Version, preparing);
    }

    /// <summary>
    /// The report's PDF as the reader may see it: a submitted version's stored PDF (printed once, after submission;
    /// until then "preparing"); a draft printed now.
    /// Null when the report is not the reader's to see.
    /// </summary>
    public async Task<ReportPdfOutcome?> PdfAsync(Guid projectId, Guid reportId, int? versionNumber, CancellationToken ct = default)
    {
        var view = await ViewAsync(projectId, reportId, versionNumber, ct);
        if (view is null) return null;
        var name = $"ataskaita-{view.Report.PeriodStart:yyyy-MM-dd}{(view.ShownVersion is { } n ? $"-v{n}" : "")}.pdf";
        if (view.ShownVersion is { } number)
        {
            var version = view.Versions.Single(v => v.Number == number);
            var stored = await db.Set<ReportPdfFile>().AsNoTracking().Where(f => f.VersionId == version.Id).Select(f => f.Content)
                .SingleOrDefaultAsync(ct);
            return new ReportPdfOutcome(stored, name, Preparing: stored is null);
        }
        var pdf = await printer.RenderAsync(ReportDocument.From(view, texts), ct);
        return new ReportPdfOutcome(pdf, name, Preparing: false);
    }

    /// <summary>A frozen version as a document, for the job that prints it (no reader: the job acts for the
    /// system).</summary>
    public async Task<ReportDocument?> FrozenDocumentAsync(Guid versionId, CancellationToken ct = default)
    {
        var reportId = await db.Set<ReportVersion>().Where(v => v.Id == versionId).Select(v => (Guid?)v.ReportId).SingleOrDefaultAsync(ct);
        if (reportId is null) return null;
        var report = await db.Set<Report>().AsNoTracking().AsSplitQuery().Include(r => r.Versions).Include(r => r.Comments)
            .SingleAsync(r => r.Id == reportId, ct);
        var versions = report.Versions.OrderBy(v => v.Number).ToList();
        var shown = versions.Single(v => v.Id == versionId);
        var content = JsonSerializer.Deserialize<ReportContent>(shown.Content, Json)!;
        var row = (await RowsAsync(db.Set<Report>().Where(r => r.Id == reportId), ct)).Single();
        var view = new ReportView(row, content, shown.Number, versions, [], false, false, report.Version, false);
        return ReportDocument.From(view, texts);
    }

    /// <summary>The report's content, pre-filled from the records of its period as they are now.</summary>
    public async Task<ReportContent> ContentAsync(ProjectContext context, Report report, CancellationToken ct = default)
    {
        var (start, end) = (report.PeriodStart, report.PeriodEnd);
        var facts = await delivery.FactsAsync(context, ct);
        // An event series counts in a report with the sessions that fall in its period (by their dates, else spread
        // evenly), as the quarterly figures do; its attendance counts where it had sessions.
        var inPeriod = facts.Events.Select(e => e.Within(start, end)).OfType<EventFact>().ToDictionary(e => e.Id);
        var periodFacts = facts with
        {
            Events = inPeriod.Values.ToList(),
            Attendances = facts.Attendances.Where(a => inPeriod.ContainsKey(a.EventId)).ToList(),
            VolunteerHours = facts.VolunteerHours.Where(h => h.Day >= start && h.Day <= end).ToList(),
        };
        var figures = IndicatorCalculator.Compute(periodFacts).Figures.Select(f => new ContentFigure(f.Metric, f.Value)).ToList();
        var events = (await delivery.EventsAsync(context, ct)).Where(e => inPeriod.ContainsKey(e.Id))
            .Select(e => (Row: e, Part: inPeriod[e.Id]))
            .Select(x => new ContentEvent(x.Row.Number, x.Row.Kind, x.Row.Topic, x.Part.Start ?? x.Part.End, x.Part.End,
                x.Part.Sessions, x.Part.AcademicHours, x.Row.Attendances, x.Part.Headcount)).ToList();
        var deliverables = (await delivery.DeliverablesAsync(context, ct))
            .Where(d => d.Date is { } date ? date >= start && date <= end : report.Kind == ReportKind.Final)
            .Select(d => new ContentDeliverable(d.Kind, d.Title, d.Date)).ToList();
        var view = await finance.ViewAsync(context.Project.Id, end, ct);
        var ledger = await db.Set<Expenditure>().AsNoTracking().Where(e => e.ProjectId == context.Project.Id).ToListAsync(ct);
        // A report lists the expenses that first count in its period: incurred and paid by its end, not counted before
        // its start.
        var expenses = ledger.Where(e => e.CountsBy(end) && !e.CountsBy(start.AddDays(-1)))
            .OrderBy(e => e.DocumentDate).ThenBy(e => e.DocumentNumber)
            .Select(e => new ContentExpense(e.DocumentType, e.DocumentNumber, e.DocumentDate, e.Supplier, e.Content, e.Category, e.Amount, e.PaidOn!.Value)).ToList();
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == context.Project.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.ProjectId == context.Project.Id).Select(a => a.Number).SingleOrDefaultAsync(ct);
        var narratives = report.Kind == ReportKind.QuarterlyFinancial ? []
            : context.Project.Activities.OrderBy(a => a.Position)
                .Select(a => report.Narratives.SingleOrDefault(n => n.ActivityId == a.Id) is { } n
                    ? new ContentNarrative(a.Id, a.Title, n.Text, n.Explanation)
                    : new ContentNarrative(a.Id, a.Title, "")).ToList();
        return new ReportContent(report.Kind, start, end, context.Project.Title, organisation, agreement,
            report.Kind == ReportKind.QuarterlyFinancial ? [] : figures, report.Kind == ReportKind.QuarterlyFinancial ? [] : events,
            report.Kind == ReportKind.QuarterlyFinancial ? [] : deliverables, view?.Execution ?? [], expenses, expenses.Sum(e => e.Amount), narratives);
    }

    /// <param name="explanations">Why a narrative's figures and the records differ, by activity (optional).</param>
    public Task<Result<bool>> SaveNarrativesAsync(Guid projectId, Guid reportId, IReadOnlyDictionary<Guid, string?> narratives, int version,
        IReadOnlyDictionary<Guid, string?>? explanations = null, CancellationToken ct = default) =>
        WithReportAsync(projectId, reportId, write: true, version, async (context, report) =>
        {
            WriteNarratives(context, report, narratives, explanations);
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        }, ct);

    /// <param name="narratives">Narratives typed on the submitting form: saved with the submission in the same
    /// step.</param>
    public Task<Result<bool>> SubmitAsync(Guid projectId, Guid reportId, int version, IReadOnlyDictionary<Guid, string?>? narratives = null,
        IReadOnlyDictionary<Guid, string?>? explanations = null, CancellationToken ct = default) =>
        WithReportAsync(projectId, reportId, write: true, version, async (context, report) =>
        {
            WriteNarratives(context, report, narratives ?? new Dictionary<Guid, string?>(), explanations);
            if (context.Rules.NarrativesRequired)
                report.RequireNarratives(context.Project.Activities.OrderBy(a => a.Position).Select(a => (a.Id, a.Title)).ToList());
            var content = await ContentAsync(context, report, ct);
            var version = report.Submit(JsonSerializer.Serialize(content, Json), (await viewers.GetAsync(ct)).Email ?? "", clock.GetUtcNow());
            // The PDF of what was submitted is printed once, in the background, and kept with the version.
            jobs.Enqueue(ReportPdfJob.JobKind, version.Id.ToString());
            await notifier.NotifyAsync(await officers.ReviewersOfAsync(report.ProjectId, ct), NotificationKinds.ReportSubmitted, Link(report),
                Words(context, report), ct: ct);
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        }, ct);

    public Task<Result<bool>> ReturnAsync(Guid projectId, Guid reportId, IReadOnlyList<CommentInput> comments, int version, CancellationToken ct = default) =>
        WithReportAsync(projectId, reportId, write: false, version, async (context, report) =>
        {
            var viewer = await viewers.GetAsync(ct);
            report.Return(comments, viewer.Email ?? "", clock.GetUtcNow());
            await notifier.NotifyAsync(await notifier.MembersOfAsync(context.Project.OrganisationId, ct), NotificationKinds.ReportReturned,
                Link(report), Words(context, report), ct: ct);
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        }, ct);

    public Task<Result<bool>> ApproveAsync(Guid projectId, Guid reportId, int version, CancellationToken ct = default) =>
        WithReportAsync(projectId, reportId, write: false, version, async (context, report) =>
        {
            var viewer = await viewers.GetAsync(ct);
            report.Approve(viewer.Email ?? "", clock.GetUtcNow());
            await notifier.NotifyAsync(await notifier.MembersOfAsync(context.Project.OrganisationId, ct), NotificationKinds.ReportApproved,
                Link(report), Words(context, report), ct: ct);
            // A tranche waiting for this report (or the final one) becomes eligible: the officers are told.
            await payments.NotifyEligibleAsync(context, ct);
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        }, ct);

    private static string Link(Report report) => $"/projects/{report.ProjectId}/reports/{report.Id}";

    /// <summary>What a report's notification names: the project, the period, the due date.</summary>
    private static string[] Words(ProjectContext context, Report report) =>
        [context.Project.Title, $"{LtFormat.Date(report.PeriodStart)} – {LtFormat.Date(report.PeriodEnd)}", LtFormat.Date(report.Due)];

    /// <summary>Narratives and their explanations for activities of the project's plan; any other activity is
    /// refused.</summary>
    private static void WriteNarratives(ProjectContext context, Report report, IReadOnlyDictionary<Guid, string?> narratives,
        IReadOnlyDictionary<Guid, string?>? explanations)
    {
        foreach (var (activityId, text) in narratives)
        {
            if (context.Project.Activities.All(a => a.Id != activityId)) throw new DomainException("UnknownRow", "Narratives");
            report.WriteNarrative(activityId, text);
        }
        foreach (var (activityId, text) in explanations ?? new Dictionary<Guid, string?>())
        {
            if (context.Project.Activities.All(a => a.Id != activityId)) throw new DomainException("UnknownRow", "Explanations");
            report.ExplainNarrative(activityId, text);
        }
    }

    private Task<Result<bool>> WithReportAsync(Guid projectId, Guid reportId, bool write, int version, Func<ProjectContext, Report, Task<Result<bool>>> action, CancellationToken ct) =>
        writes.Run(async () =>
        {
            var context = await gate.FindAsync(projectId, ct);
            var refusal = write ? ProjectGate.WriteRefusal(context) : ProjectGate.ReadRefusal(context);
            if (refusal is not null) return refusal == Outcome.Forbidden ? Result<bool>.Forbidden() : Result<bool>.NotFound();
            var report = await db.Set<Report>().Include(r => r.Narratives).Include(r => r.Versions).Include(r => r.Comments)
                .SingleOrDefaultAsync(r => r.Id == reportId && r.ProjectId == projectId, ct);
            if (report is null) return Result<bool>.NotFound();
            // Reviewing (write: false) is the funder's; who may act is decided before the version is compared.
            if (!write && !await permissions.MayAsync(ProjectOperation.Review, context!.Project.OrganisationId, context.Project.IsPublished))
                return Result<bool>.Forbidden();
            writes.ExpectVersion(report, version);
            return await action(context!, report);
        });
}
