using Microsoft.EntityFrameworkCore;
using Talka.Domain.Agreements;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Delivery;

/// <summary>The project a delivery record belongs to, and what the viewer may do with its records.</summary>
public sealed record ProjectContext(Project Project, ReportingRules Rules, bool CanRead, bool CanWrite)
{
    public DateRange Period => Project.Period;
}

/// <summary>
/// Loads the project a request is about, once per request, with what the user may do with its records (events,
/// participants, attendance, volunteers, deliverables, budget, ledger, reports, files). These are never public: they
/// name people. The decisions come from the one authorization handler (<see cref="ProjectAuthorizationHandler"/>).
/// </summary>
public sealed class ProjectGate(TalkaDbContext db, ProjectPermissions permissions, AuditSettings audit)
{
    // A page that checks the project and then calls a service that checks it again reads it once.
    private readonly Dictionary<Guid, ProjectContext?> _loaded = [];

    public async Task<ProjectContext?> FindAsync(Guid projectId, CancellationToken ct = default)
    {
        if (_loaded.TryGetValue(projectId, out var known)) return known;
        var project = await db.Projects.AsNoTracking().Include(p => p.Activities).SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return _loaded[projectId] = null;
        var rules = await db.Calls.AsNoTracking().Where(c => c.Id == project.CallId)
            .Select(c => new ReportingRules(c.Rules.MinutesPerAcademicHour, c.Rules.HalfYearlyReportThreshold, c.Rules.ReallocationThresholdPercent,
                c.Rules.NarrativesRequired))
            .SingleAsync(ct);
        return await RememberAsync(project, rules,
            () => db.Agreements.AnyAsync(a => a.ProjectId == projectId && a.Status == AgreementStatus.Closed, ct));
    }

    /// <summary>The context of a project the request has already read (it must include its activities), its call's
    /// rules and whether its agreement is closed: decided as <see cref="FindAsync"/> decides, and kept for the rest
    /// of the request, so that what the page asks next reads nothing again. A context already kept is not
    /// replaced.</summary>
    internal async Task<ProjectContext> RememberAsync(Project project, ReportingRules rules, Func<Task<bool>> closed)
    {
        if (_loaded.TryGetValue(project.Id, out var known) && known is not null) return known;
        audit.ProjectId = project.Id; // the audit log files the request's changes under this project
        var read = await permissions.MayAsync(ProjectOperation.Read, project.OrganisationId, project.IsPublished);
        // A closed project (its agreement settled and closed) is read-only for everyone.
        var change = read
            && await permissions.MayAsync(ProjectOperation.Change, project.OrganisationId, project.IsPublished)
            && !await closed();
        return _loaded[project.Id] = new ProjectContext(project, rules, read, change);
    }

    /// <summary>Null when the viewer may read; otherwise the outcome to answer (not found hides what the viewer may not
    /// see).</summary>
    public static Outcome? ReadRefusal(ProjectContext? context) => context is { CanRead: true } ? null : Outcome.NotFound;

    public static Outcome? WriteRefusal(ProjectContext? context) =>
        context is null || !context.CanRead ? Outcome.NotFound : context.CanWrite ? null : Outcome.Forbidden;
}
