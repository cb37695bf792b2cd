using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Indicators;
using Talka.Domain.Narrative;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Narrative;

/// <summary>Checks a text against a project's records: its stored figures (the indicators page's), its funds reported
/// used, its agreement and its application number (<see cref="NarrativeCheck"/>).</summary>
public sealed class NarrativeChecks(TalkaDbContext db, FigureStore figures)
{
    public async Task<IReadOnlyList<FactCheck>> CheckAsync(ProjectContext context, string? text, CancellationToken ct)
    {
        var facts = NarrativeExtractor.Extract(text);
        return facts.Count == 0 ? [] : NarrativeCheck.Check(text!, facts, await RecordsAsync(context, null, ct));
    }

    /// <summary>What the project's records say, read once for any number of texts (a report's narratives). The
    /// project's figures are its whole; an activity's are those of its events that ended within
    /// <paramref name="period"/> (a report's), or all of them.</summary>
    public async Task<ProjectRecords> RecordsAsync(ProjectContext context, DateRange? period, CancellationToken ct)
    {
        var set = await figures.ForAsync(context, ct);
        var project = context.Project;
        var agreement = await db
            .Agreements.AsNoTracking()
            .Where(a => a.ProjectId == project.Id)
            .Select(a => new
            {
                a.Number,
                a.SignedOn,
                a.GrantedAmount,
            })
            .FirstOrDefaultAsync(ct);
        var application = project.ApplicationId is { } id
            ? await db.Applications.Where(a => a.Id == id).Select(a => a.Number).FirstOrDefaultAsync(ct)
            : null;
        return new ProjectRecords(
            set[Metric.DistinctParticipants].Value,
            set[Metric.Attendances].Value + set[Metric.Headcount].Value,
            set[Metric.Sessions].Value,
            set[Metric.AcademicHours].Value,
            set[Metric.Volunteers].Value,
            project.ReportedFundsUsed,
            agreement?.GrantedAmount,
            agreement?.Number,
            agreement?.SignedOn,
            application,
            project.Start,
            project.End,
            await ActivitiesAsync(context, period, ct)
        );
    }

    /// <summary>Each activity's figures: its events' sessions, academic hours, days and headcounts, and its
    /// attendances and distinct persons counted in the database.</summary>
    private async Task<IReadOnlyList<ActivityRecords>> ActivitiesAsync(
        ProjectContext context,
        DateRange? period,
        CancellationToken ct
    )
    {
        var projectId = context.Project.Id;
        var (from, to) = period is { } p ? (p.Start, p.End) : (DateOnly.MinValue, DateOnly.MaxValue);
        var events = await db.Set<Event>()
            .AsNoTracking()
            .Where(e => e.ProjectId == projectId && e.ActivityId != null && e.End >= from && e.End <= to)
            .ToListAsync(ct);
        var people = await db.Set<Attendance>()
            .AsNoTracking()
            .Join(
                db.Set<Event>()
                    .Where(e => e.ProjectId == projectId && e.ActivityId != null && e.End >= from && e.End <= to),
                a => a.EventId,
                e => e.Id,
                (a, e) => new { e.ActivityId, a.ParticipantId }
            )
            .GroupBy(x => x.ActivityId)
            .Select(g => new
            {
                ActivityId = g.Key!.Value,
                Attendances = g.Count(),
                Distinct = g.Select(x => x.ParticipantId).Distinct().Count(),
            })
            .ToDictionaryAsync(x => x.ActivityId, ct);
        var minutes = context.Rules.MinutesPerAcademicHour;
        return
        [
            .. context.Project.Activities.Select(activity =>
            {
                var own = events.Where(e => e.ActivityId == activity.Id).ToList();
                var seen = people.GetValueOrDefault(activity.Id);
                var dated = own.Count > 0 && own.All(e => e.SessionDates.Length > 0);
                return new ActivityRecords(
                    activity.Id,
                    activity.Title,
                    [activity.Title, .. own.Select(e => e.Topic).Distinct()],
                    seen?.Distinct ?? 0,
                    (seen?.Attendances ?? 0) + own.Sum(e => e.Headcount ?? 0),
                    own.Sum(e => e.Sessions),
                    own.Sum(e => e.AcademicHours(minutes) ?? 0),
                    dated ? own.SelectMany(e => e.SessionDates).Distinct().Count() : own.Sum(e => e.Sessions),
                    own.Count
                );
            }),
        ];
    }
}
