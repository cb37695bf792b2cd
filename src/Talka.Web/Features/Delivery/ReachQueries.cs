using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Indicators;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Delivery;

/// <param name="DistinctPersons">Persons across the programme's projects, each counted once through the keyed hash.</param>
/// <param name="ProjectParticipantsSum">The projects' distinct participants added up: what counting project by project would say.</param>
/// <param name="WithoutKey">Participants with no personal identifier: each counts once on their own.</param>
public sealed record ProgrammeReach(Guid ProgrammeId, int? Year, int Projects, int DistinctPersons, int ProjectParticipantsSum, int WithoutKey, int Headcount);

/// <summary>
/// How many different people a programme reached: the question nobody could answer before. A person met in several projects
/// (or years) counts once, through the keyed hash of their identifier; no identity is ever read. Aggregates only, so public.
/// </summary>
public sealed class ReachQueries(TalkaDbContext db)
{
    public async Task<ProgrammeReach> ForProgrammeAsync(Guid programmeId, int? year, CancellationToken ct = default)
    {
        var projectIds = await db.Projects.AsNoTracking()
            .Where(p => db.Calls.Any(c => c.Id == p.CallId && c.ProgrammeId == programmeId))
            .Where(p => year == null || (p.Start <= new DateOnly(year.Value, 12, 31) && p.End >= new DateOnly(year.Value, 1, 1)))
            .Select(p => p.Id).ToListAsync(ct);
        var attended = await db.Set<Participant>().AsNoTracking()
            .Where(p => projectIds.Contains(p.ProjectId) && db.Set<Attendance>().Any(a => a.ParticipantId == p.Id))
            .Select(p => new ParticipantFact(p.Id, p.Category, p.TargetGroup, p.Municipality, p.Gender, p.AgeBand, p.PersonKey))
            .ToListAsync(ct);
        var headcount = await db.Set<Event>().AsNoTracking().Where(e => projectIds.Contains(e.ProjectId) && e.Headcount != null).SumAsync(e => e.Headcount ?? 0, ct);
        return new ProgrammeReach(programmeId, year, projectIds.Count, IndicatorCalculator.DistinctPersons(attended), attended.Count,
            attended.Count(p => p.PersonKey is null), headcount);
    }
}
