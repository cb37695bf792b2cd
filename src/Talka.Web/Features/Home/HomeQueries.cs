using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Finance;
using Talka.Domain.Reports;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Home;

/// <summary>What each role's home page shows, counted in the database.</summary>
public sealed class HomeQueries(
    TalkaDbContext db,
    TimeProvider clock,
    Delivery.ReachQueries reach,
    Audit.AuditQueries audit,
    Payments.PaymentQueries payments
)
{
    public const int CalendarDays = 60;
    public const int SoonDays = 14;

    // The same day as the report queue's, so that each count equals the list it links to.
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<FunderHome> FunderAsync(string? userId, CancellationToken ct = default)
    {
        var today = Today;
        var soon = today.AddDays(SoonDays);
        var open = db.Set<Report>().Where(r => r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned);
        var awaiting = await db.Set<Report>().CountAsync(r => r.Status == ReportStatus.Submitted, ct);
        var overdue = await open.CountAsync(r => r.Due < today, ct);
        var dueSoon = await open.CountAsync(r => r.Due >= today && r.Due <= soon, ct);
        var returned = await db.Set<Report>().CountAsync(r => r.Status == ReportStatus.Returned, ct);
        var end = today.AddDays(CalendarDays);
        var upcoming = await (
            from r in open
            join p in db.Projects on r.ProjectId equals p.Id
            where r.Due >= today && r.Due <= end
            orderby r.Due, p.Title
            select new DeadlineItemRow(r.Id, r.ProjectId, p.Title, r.Kind, r.Due)
        )
            .Take(200)
            .ToListAsync(ct);
        var calendar = upcoming
            .GroupBy(r => r.Due)
            .Select(g => new DeadlineDay(
                g.Key,
                [.. g.Select(r => new DeadlineItem(r.Id, r.ProjectId, r.Title, r.Kind))]
            ))
            .ToList();
        // The programmes the officer runs; every programme for a funder admin who runs none.
        var own = await db.Set<Programmes.ProgrammeOfficer>()
            .Where(o => o.UserId == userId)
            .Select(o => o.ProgrammeId)
            .ToListAsync(ct);
        var programmes = await db
            .Programmes.Where(p => own.Count == 0 || own.Contains(p.Id))
            .OrderBy(p => EF.Functions.Collate(p.Title, LithuanianCollation.Name))
            .Select(p => new ProgrammeLink(p.Id, p.Title))
            .Take(50)
            .ToListAsync(ct);
        return new FunderHome(
            awaiting,
            overdue,
            dueSoon,
            returned,
            calendar,
            programmes,
            own.Count > 0,
            await payments.CountAsync(Domain.Payments.TrancheState.Eligible, ct)
        );
    }

    /// <summary>The auditor's counts of what they read, and the audit log's latest ten entries.</summary>
    public async Task<AuditorHome> AuditorAsync(CancellationToken ct = default)
    {
        var projects = await db.Projects.CountAsync(ct);
        var published = await db.Projects.CountAsync(p => p.IsPublished, ct);
        var reports = await db.Set<Report>()
            .GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var latest = await audit.PageAsync(new Audit.AuditFilter(), null, ct, size: 10);
        return new AuditorHome(
            projects,
            published,
            reports.GetValueOrDefault(ReportStatus.Submitted),
            reports.GetValueOrDefault(ReportStatus.Approved),
            reports.GetValueOrDefault(ReportStatus.Returned),
            latest.Lines
        );
    }

    /// <summary>The visitor's figures: the national stored counts (published projects only) for the headline, and
    /// each programme's stored counts for its line; small counts of persons withheld.</summary>
    public async Task<PublicHome> PublicAsync(CancellationToken ct = default)
    {
        var programmes = await db
            .Programmes.AsNoTracking()
            .OrderBy(p => EF.Functions.Collate(p.Title, LithuanianCollation.Name))
            .Select(p => new { p.Id, p.Title })
            .Take(100)
            .ToListAsync(ct);
        var rows = new List<ProgrammeReachRow>();
        foreach (var programme in programmes)
        {
            var counts = await reach.CountsAsync(programme.Id, asStored: true, ct);
            if (counts.Projects > 0)
                rows.Add(
                    new ProgrammeReachRow(
                        programme.Id,
                        programme.Title,
                        counts.Projects,
                        SmallCells.Public(counts.DistinctPersons)
                    )
                );
        }
        var national = await reach.CountsAsync(Delivery.ProgrammeFigures.AllProgrammes, asStored: true, ct);
        return new PublicHome(
            national.Projects,
            national.Projects == 0 ? null : SmallCells.Public(national.DistinctPersons),
            national.FundsByYear.Sum(f => f.Value ?? 0),
            national.HoursByEventKind.Sum(h => h.Value ?? 0),
            rows,
            national.FundsByYear
        );
    }

    /// <summary>The projects of the member's organisations (up to 50, latest first), each with its next report due, the
    /// reports returned to it, and whether it lacks a budget or events in the last quarter it ran.</summary>
    public async Task<IReadOnlyList<MemberProject>> MemberAsync(Viewer viewer, CancellationToken ct = default)
    {
        var organisations = viewer.MemberOrganisationIds.ToList();
        if (organisations.Count == 0)
            return [];
        var today = Today;
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3);
        var quarterEnd = quarterStart.AddMonths(3).AddDays(-1);
        var rows = await db
            .Projects.AsNoTracking()
            .Where(p => organisations.Contains(p.OrganisationId))
            .OrderByDescending(p => p.Start)
            .ThenBy(p => EF.Functions.Collate(p.Title, LithuanianCollation.Name))
            .Take(50)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Start,
                p.End,
                Next = db.Set<Report>()
                    .Where(r =>
                        r.ProjectId == p.Id && (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned)
                    )
                    .OrderBy(r => r.Due)
                    .Select(r => new { r.Id, r.Due })
                    .FirstOrDefault(),
                Returned = db.Set<Report>().Count(r => r.ProjectId == p.Id && r.Status == ReportStatus.Returned),
                HasBudget = db.Set<BudgetLine>().Any(b => b.ProjectId == p.Id),
                EventsLastQuarter = db.Set<Event>()
                    .Any(e => e.ProjectId == p.Id && e.Start >= quarterStart && e.Start <= quarterEnd),
            })
            .ToListAsync(ct);
        return
        [
            .. rows.Select(p => new MemberProject(
                p.Id,
                p.Title,
                p.Next?.Due,
                p.Next?.Id,
                p.Returned,
                !p.HasBudget,
                p.Start <= quarterEnd && p.End >= quarterStart && !p.EventsLastQuarter
            )),
        ];
    }

    private sealed record DeadlineItemRow(Guid Id, Guid ProjectId, string Title, ReportKind Kind, DateOnly Due);
}
