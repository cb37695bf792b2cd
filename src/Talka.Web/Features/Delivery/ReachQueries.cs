using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Indicators;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Delivery;

/// <param name="DistinctPersons">Persons across the programme's projects, each counted once through the keyed
/// hash.</param>
/// <param name="ProjectParticipantsSum">The projects' distinct participants added up: what counting project by project
/// would say.</param>
/// <param name="WithoutKey">Participants with no personal identifier: each counts once on their own.</param>
/// <remarks>Counts of persons are null where 1 to 4 are withheld from the public (<see
/// cref="SmallCells.Public"/>).</remarks>
public sealed record ProgrammeReach(Guid ProgrammeId, int? Year, int Projects, int? DistinctPersons,
    int? ProjectParticipantsSum, int? WithoutKey, int Headcount);

/// <summary>One bar of a chart. <see cref="Value"/> is null where a small cell is withheld from the public.</summary>
public sealed record ChartPoint(string Key, decimal? Value, CellDisclosure Disclosure = CellDisclosure.Shown);

/// <summary>A programme's charts: funds by year, participants by target group and municipality, academic hours by event
/// kind.</summary>
public sealed record ProgrammeCharts(IReadOnlyList<ChartPoint> FundsByYear,
    IReadOnlyList<ChartPoint> ParticipantsByTargetGroup,
    IReadOnlyList<ChartPoint> ParticipantsByMunicipality, IReadOnlyList<ChartPoint> HoursByEventKind);

/// <summary>
/// How many different people a programme reached: the question nobody could answer before. A person met in several
/// projects
/// (or years) counts once, through the keyed hash of their identifier; no identity is ever read. Aggregates only, so
/// public:
/// they count published projects only, and breakdowns of persons withhold cells below five unless asked for exact
/// figures.
/// </summary>
/// <summary>A programme's exact counts over its published projects, all years together: what its dashboard shows,
/// before small cells are withheld for the public. Stored in <see cref="ProgrammeFigures"/>.</summary>
public sealed record ProgrammeCounts(
    int Projects, int DistinctPersons, int Participants, int WithoutKey, int Headcount,
    IReadOnlyList<ChartPoint> FundsByYear,
    IReadOnlyList<(string Key, int Count)> ByTargetGroup, IReadOnlyList<(string Key, int Count)> ByMunicipality,
    IReadOnlyList<ChartPoint> HoursByEventKind);

public sealed class ReachQueries(TalkaDbContext db)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { IncludeFields = true };

    /// <param name="exact">True for funders signed in; otherwise counts of 1 to 4 persons are withheld.</param>
    public async Task<ProgrammeReach> ForProgrammeAsync(Guid programmeId, int? year, bool exact,
        CancellationToken ct = default)
    {
        int? Shown(int count) => exact ? count : SmallCells.Public(count);
        if (year is null)
        {
            var c = await CountsAsync(programmeId, asStored: !exact, ct);
            return new ProgrammeReach(programmeId, null, c.Projects, Shown(c.DistinctPersons), Shown(c.Participants),
                Shown(c.WithoutKey), c.Headcount);
        }
        var (projects, keyed, withoutKey, participants, headcount) = await ReachAsync(programmeId, year, ct);
        return new ProgrammeReach(programmeId, year, projects, Shown(keyed + withoutKey), Shown(participants),
            Shown(withoutKey), headcount);
    }

    /// <summary>Keys are enum names or municipalities ("" for not stated); the page puts them into words.</summary>
    /// <param name="exact">True for funders signed in; otherwise cells of 1 to 4 persons are withheld (<see
    /// cref="SmallCells"/>).</param>
    public async Task<ProgrammeCharts> ChartsAsync(Guid programmeId, bool exact, CancellationToken ct = default)
    {
        var c = await CountsAsync(programmeId, asStored: !exact, ct);
        return new ProgrammeCharts(c.FundsByYear, Persons(c.ByTargetGroup, exact), Persons(c.ByMunicipality, exact),
            c.HoursByEventKind);
    }

    /// <summary>The programme's stored counts when fresh; otherwise counted now (and not stored: the job does
    /// that).</summary>
    /// <param name="asStored">For visitors: the counts as stored while their refresh is pending (the pages that show
    /// them are refreshed with them), unless a change cleared them (<see cref="FiguresInterceptor"/>).</param>
    public async Task<ProgrammeCounts> CountsAsync(Guid programmeId, bool asStored = false,
        CancellationToken ct = default)
    {
        var stored = await db.Set<ProgrammeFigures>().AsNoTracking()
            .Where(f => f.ProgrammeId == programmeId && (asStored || !f.Stale) && f.Figures != "")
            .Select(f => f.Figures).SingleOrDefaultAsync(ct);
        return stored is not null ? Read(stored) : await RecountAsync(programmeId, ct);
    }

    /// <summary>The programme's counts from its records, in the database: COUNT DISTINCT on the keyed hash, grouped
    /// counts; never by loading participants or events.</summary>
    public async Task<ProgrammeCounts> RecountAsync(Guid programmeId, CancellationToken ct = default)
    {
        // Only the columns the counts need, not whole projects (the national row reads every published one).
        var projects = await Published(programmeId)
            .Select(p => new { p.Id, p.CallId, p.Start, p.ReportedFundsUsed }).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var granted = await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.ProjectId))
            .Select(a => new { a.ProjectId, a.GrantedAmount })
            .ToDictionaryAsync(a => a.ProjectId, a => a.GrantedAmount, ct);
        var funds = projects.Select(p => (p.Start.Year, Amount: granted.GetValueOrDefault(p.Id) ?? p.ReportedFundsUsed))
            .Where(x => x.Amount is not null).GroupBy(x => x.Year).OrderBy(g => g.Key)
            .Select(g => new ChartPoint(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                g.Sum(x => x.Amount!.Value))).ToList();
        var (keyed, cells, headcount) = await PersonsAsync(Published(programmeId), ct);
        var participants = cells.Sum(c => c.Count);
        var withoutKey = cells.Where(c => c.Keyless).Sum(c => c.Count);
        // In the order of their keys, so that a recount stores the same text as the one before it.
        var byGroup = cells.GroupBy(c => c.TargetGroup?.ToString() ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(c => c.Count))).ToList();
        var byMunicipality = cells.GroupBy(c => c.Municipality ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(c => c.Count))).ToList();
        var all = programmeId == ProgrammeFigures.AllProgrammes;
        var rules = await db.Calls.AsNoTracking().Where(c => all || c.ProgrammeId == programmeId)
            .ToDictionaryAsync(c => c.Id, c => c.Rules.MinutesPerAcademicHour, ct);
        // Hours by kind of event, grouped in the database by what decides an event's academic hours (its call's
        // minutes per hour, its unit and session length): one row per group, not one per event. Sessions times the
        // hours of one session, as Event.AcademicHours counts each event.
        var sessions = await db.Set<Event>().AsNoTracking().Where(e => ids.Contains(e.ProjectId))
            .Join(db.Projects, e => e.ProjectId, p => p.Id,
                (e, p) => new { e.Kind, p.CallId, e.HourUnit, e.HoursPerSession, e.Sessions })
            .GroupBy(x => new { x.Kind, x.CallId, x.HourUnit, x.HoursPerSession })
            .Select(g => new
            {
                g.Key.Kind, g.Key.CallId, g.Key.HourUnit, g.Key.HoursPerSession, Sessions = g.Sum(x => x.Sessions),
            })
            .ToListAsync(ct);
        return new ProgrammeCounts(projects.Count, keyed + withoutKey, participants, withoutKey, headcount, funds,
            byGroup, byMunicipality,
            sessions.GroupBy(s => s.Kind).OrderBy(g => g.Key)
                .Select(g => new ChartPoint(g.Key.ToString(), g.Sum(s =>
                    Event.AcademicHoursPerSession(s.HoursPerSession, s.HourUnit, rules[s.CallId]) * s.Sessions ?? 0)))
                .ToList());
    }

    /// <summary>Counted in the database (COUNT DISTINCT on the keyed hash), never by loading the participants. A
    /// participant without a key counts once on their own (IndicatorCalculator.DistinctPersons, the same
    /// rule).</summary>
    private async Task<(int Projects, int Keyed, int WithoutKey, int Participants, int Headcount)> ReachAsync(
        Guid programmeId, int? year, CancellationToken ct)
    {
        var projects = Published(programmeId).Where(p => year == null
            || (p.Start <= new DateOnly(year.Value, 12, 31) && p.End >= new DateOnly(year.Value, 1, 1)));
        var projectCount = await projects.CountAsync(ct);
        var (keyed, cells, headcount) = await PersonsAsync(projects, ct);
        return (projectCount, keyed, cells.Where(c => c.Keyless).Sum(c => c.Count), cells.Sum(c => c.Count), headcount);
    }

    private sealed record PersonCell(
        Talka.Domain.Projects.TargetGroup? TargetGroup, string? Municipality, bool Keyless, int Count);

    /// <summary>The attended participants of these projects in two passes, not one per figure: COUNT DISTINCT of the
    /// keyed hash, and one row per target group, municipality and whether a key is known, from which totals and
    /// breakdowns are added up; and the events' headcount.</summary>
    private async Task<(int Keyed, List<PersonCell> Cells, int Headcount)> PersonsAsync(
        IQueryable<Talka.Domain.Projects.Project> projects, CancellationToken ct)
    {
        var attended = db.Set<Participant>().AsNoTracking()
            .Where(p => projects.Any(x => x.Id == p.ProjectId)
                && db.Set<Attendance>().Any(a => a.ParticipantId == p.Id));
        var keyed = await attended.Where(p => p.PersonKey != null).Select(p => p.PersonKey).Distinct().CountAsync(ct);
        var cells = await attended.GroupBy(p => new { p.TargetGroup, p.Municipality, Keyless = p.PersonKey == null })
            .Select(g => new PersonCell(g.Key.TargetGroup, g.Key.Municipality, g.Key.Keyless, g.Count()))
            .ToListAsync(ct);
        var headcount = await db.Set<Event>().AsNoTracking()
            .Where(e => projects.Any(x => x.Id == e.ProjectId) && e.Headcount != null)
            .SumAsync(e => e.Headcount ?? 0, ct);
        return (keyed, cells, headcount);
    }

    internal static string Write(ProgrammeCounts counts) => System.Text.Json.JsonSerializer.Serialize(counts, Json);

    private static ProgrammeCounts Read(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<ProgrammeCounts>(json, Json)!;

    /// <summary>The programme's published projects; every published project for <see
    /// cref="ProgrammeFigures.AllProgrammes"/>.</summary>
    private IQueryable<Talka.Domain.Projects.Project> Published(Guid programmeId) =>
        programmeId == ProgrammeFigures.AllProgrammes
            ? db.Projects.AsNoTracking().Where(p => p.IsPublished)
            : db.Projects.AsNoTracking().Where(p => p.IsPublished
                && db.Calls.Any(c => c.Id == p.CallId && c.ProgrammeId == programmeId));

    private static List<ChartPoint> Persons(IEnumerable<(string Key, int Count)> cells, bool exact)
    {
        var ordered = cells.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        return exact
            ? ordered.Select(c => new ChartPoint(c.Key, c.Count)).ToList()
            : SmallCells.Suppress(ordered).Select(c => new ChartPoint(c.Key, c.Count, c.Disclosure)).ToList();
    }
}
