using Microsoft.EntityFrameworkCore;
using Talka.Domain.Reports;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Reports;

/// <summary>The reports a project owes, made when first needed: when its reports are listed, by the daily reminders,
/// and before its payments are planned (a tranche waits for a report).</summary>
public sealed class ReportScheduler(TalkaDbContext db)
{
    /// <summary>Adds the project's scheduled reports that do not exist yet (from its agreement's period and state
    /// funding and the call's rules). Saves on its own: call it outside a use case's transaction.</summary>
    public async Task EnsureAsync(ProjectContext context, CancellationToken ct)
    {
        var agreement = await db
            .Agreements.AsNoTracking()
            .Include(a => a.Funding)
            .SingleOrDefaultAsync(a => a.ProjectId == context.Project.Id, ct);
        var period = agreement?.Period ?? context.Period;
        var existing = await db.Set<Report>()
            .Where(r => r.ProjectId == context.Project.Id)
            .Select(r => new { r.Kind, r.PeriodStart })
            .ToListAsync(ct);
        var missing = ReportSchedule
            .For(period, agreement?.StateFunding ?? 0, context.Rules)
            .Where(s => !existing.Any(e => e.Kind == s.Kind && e.PeriodStart == s.PeriodStart))
            .ToList();
        if (missing.Count == 0)
            return;
        db.AddRange(missing.Select(s => new Report(context.Project.Id, s)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        } // another request made them first
    }
}
