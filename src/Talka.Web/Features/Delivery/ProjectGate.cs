using Microsoft.EntityFrameworkCore;
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
/// Decides per project whether the viewer may read or change its delivery records (events, participants, attendance,
/// volunteers, deliverables, files). These are never public: they name people. The organisation's members and funder
/// admins change them; auditors read them.
/// </summary>
public sealed class ProjectGate(TalkaDbContext db, ViewerAccessor viewers)
{
    public async Task<ProjectContext?> FindAsync(Guid projectId, CancellationToken ct = default)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Activities).SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return null;
        var viewer = await viewers.GetAsync(ct);
        var full = viewer.AccessToProject(project.OrganisationId, project.IsPublished) == ProjectAccess.Full;
        var rules = await db.Calls.AsNoTracking().Where(c => c.Id == project.CallId)
            .Select(c => new ReportingRules(c.Rules.MinutesPerAcademicHour, c.Rules.HalfYearlyReportThreshold, c.Rules.ReallocationThresholdPercent))
            .SingleAsync(ct);
        return new ProjectContext(project, rules, full, full && viewer.CanEditProjectPlan(project.OrganisationId));
    }

    /// <summary>Null when the viewer may read; otherwise the outcome to answer (not found hides what the viewer may not see).</summary>
    public static Outcome? ReadRefusal(ProjectContext? context) => context is { CanRead: true } ? null : Outcome.NotFound;

    public static Outcome? WriteRefusal(ProjectContext? context) =>
        context is null || !context.CanRead ? Outcome.NotFound : context.CanWrite ? null : Outcome.Forbidden;
}
