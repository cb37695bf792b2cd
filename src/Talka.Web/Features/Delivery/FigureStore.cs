using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Calls;
using Talka.Domain.Indicators;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Delivery;

/// <summary>
/// Projects' stored figures: read, refreshed, and checked against a recount from scratch. Every reader (the indicators
/// page and API, the public project page, open data) goes through <see cref="ForAsync"/>.
/// </summary>
public sealed class FigureStore(TalkaDbContext db, DeliveryQueries delivery,
    Infrastructure.Web.PublicCacheEviction cache)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The project's stored figures, or (when stale or never computed) figures computed now from its
    /// records.</summary>
    public async Task<IndicatorSet> ForAsync(ProjectContext context, CancellationToken ct = default)
    {
        var stored = await db.Set<ProjectFigures>().AsNoTracking()
            .Where(f => f.ProjectId == context.Project.Id && !f.Stale && f.Figures != "").Select(f => f.Figures)
            .SingleOrDefaultAsync(ct);
        return stored is not null ? Read(stored) : IndicatorCalculator.Compute(await delivery.FactsAsync(context, ct));
    }

    /// <summary>The stored, fresh figures of these projects (those not stored or stale are left out).</summary>
    public async Task<Dictionary<Guid, IndicatorSet>> StoredAsync(IReadOnlyCollection<Guid> projectIds,
        CancellationToken ct = default) =>
        (await db.Set<ProjectFigures>().AsNoTracking()
            .Where(f => projectIds.Contains(f.ProjectId) && !f.Stale && f.Figures != "")
            .Select(f => new { f.ProjectId, f.Figures }).ToListAsync(ct))
        .ToDictionary(f => f.ProjectId, f => Read(f.Figures));

    /// <summary>Recomputes a project's figures from its records and stores them, in the caller's transaction. Takes the
    /// row's lock first, so that a concurrent refresh of the same project waits and then sees this one's changes. The
    /// project's public page is evicted when the transaction commits (the change may not be in tracked records: a bulk
    /// unmarking deletes in the database).</summary>
    public async Task RefreshAsync(Guid projectId, DateTime now, CancellationToken ct = default)
    {
        var locked = await db.Set<ProjectFigures>().Where(f => f.ProjectId == projectId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Generation, f => f.Generation + 1), ct);
        if (locked == 0)
        {
            db.Add(new ProjectFigures { ProjectId = projectId });
            await db.SaveChangesAsync(ct);
        }
        var computed = await ComputeAsync(projectId, ct);
        if (computed is null) return;
        var json = JsonSerializer.Serialize(computed, Json);
        await db.Set<ProjectFigures>().Where(f => f.ProjectId == projectId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Figures, json).SetProperty(f => f.Stale, false)
                .SetProperty(f => f.ComputedAt, (DateTime?)now), ct);
        await cache.ProjectChangedAsync(db, projectId);
    }

    /// <summary>Marks a project's figures stale and advances their generation, in the caller's transaction (a
    /// refresh computed before this change then cannot be stored).</summary>
    public Task<int> MarkStaleAsync(Guid projectId, CancellationToken ct = default) =>
        db.Set<ProjectFigures>().Where(f => f.ProjectId == projectId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Stale, true)
                .SetProperty(f => f.Generation, f => f.Generation + 1), ct);

    /// <summary>Refreshes a project's figures without holding its row while counting: reads the generation, counts,
    /// and stores only if no change came meanwhile; else counts again, unless the change queued the next refresh (a
    /// project saved all day would otherwise be counted five times over for each). False if changes kept
    /// coming.</summary>
    public async Task<bool> RefreshOptimisticAsync(Guid projectId, TimeProvider clock, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await db.Set<ProjectFigures>().AsNoTracking().Where(f => f.ProjectId == projectId)
                .Select(f => new { f.Generation, f.Stale }).SingleOrDefaultAsync(ct);
            if (row is null)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await RefreshAsync(projectId, clock.GetUtcNow().UtcDateTime, ct);
                await transaction.CommitAsync(ct);
                return true;
            }
            if (!row.Stale) return true;
            var computed = await ComputeAsync(projectId, ct);
            if (computed is null) return true;
            var json = JsonSerializer.Serialize(computed, Json);
            var now = clock.GetUtcNow().UtcDateTime;
            var stored = await db.Set<ProjectFigures>()
                .Where(f => f.ProjectId == projectId && f.Generation == row.Generation)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Figures, json).SetProperty(f => f.Stale, false)
                    .SetProperty(f => f.ComputedAt, (DateTime?)now), ct);
            if (stored == 1) return true;
            var payload = projectId.ToString();
            if (await db.Set<Infrastructure.Jobs.Job>().AnyAsync(j => j.Kind == FiguresJobHandler.JobKind
                    && j.Payload == payload && j.Status == Infrastructure.Jobs.JobStatus.Queued, ct))
                return true;
        }
        return false;
    }

    /// <summary>Marks the figures of a call's projects stale (its rules changed: minutes in an academic hour) and
    /// advances their generation, so that a refresh counted under the old rules is not stored.</summary>
    public Task<int> MarkCallStaleAsync(Guid callId, CancellationToken ct = default) =>
        db.Set<ProjectFigures>().Where(f => db.Projects.Any(p => p.Id == f.ProjectId && p.CallId == callId))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Stale, true)
                .SetProperty(f => f.Generation, f => f.Generation + 1), ct);

    /// <summary>Recounts every project from scratch and compares with what is stored: the projects whose stored figures
    /// differ (or are missing or stale), with what differs. Reads a page of projects at a time.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(Guid? only = null, CancellationToken ct = default)
    {
        var differences = new List<string>();
        for (var skip = 0; ; skip += 200)
        {
            var page = await db.Projects.AsNoTracking().Where(p => only == null || p.Id == only)
                .OrderBy(p => p.Id).Select(p => p.Id).Skip(skip).Take(200).ToListAsync(ct);
            if (page.Count == 0) break;
            var stored = await db.Set<ProjectFigures>().AsNoTracking().Where(f => page.Contains(f.ProjectId))
                .ToDictionaryAsync(f => f.ProjectId, ct);
            foreach (var id in page)
            {
                var recount = JsonSerializer.Serialize(await ComputeAsync(id, ct), Json);
                if (!stored.TryGetValue(id, out var row)) differences.Add($"{id}: no stored figures");
                else if (row.Stale) differences.Add($"{id}: stale");
                else if (row.Figures != recount) differences.Add($"{id}: stored {row.Figures} but recounted {recount}");
            }
            db.ChangeTracker.Clear();
        }
        return differences;
    }

    /// <summary>Refreshes every project whose figures are stale or missing (after a migration, say).</summary>
    public async Task<int> RefreshStaleAsync(TimeProvider clock, CancellationToken ct = default)
    {
        var count = 0;
        while (true)
        {
            var page = await db.Projects.AsNoTracking()
                .Where(p => !db.Set<ProjectFigures>().Any(f => f.ProjectId == p.Id && !f.Stale && f.Figures != ""))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(100).ToListAsync(ct);
            if (page.Count == 0) return count;
            foreach (var id in page)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await RefreshAsync(id, clock.GetUtcNow().UtcDateTime, ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                count++;
            }
        }
    }

    private async Task<IndicatorSet?> ComputeAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return null;
        var rules = await db.Calls.AsNoTracking().Where(c => c.Id == project.CallId)
            .Select(c => new ReportingRules(c.Rules.MinutesPerAcademicHour, c.Rules.HalfYearlyReportThreshold,
                c.Rules.ReallocationThresholdPercent, c.Rules.NarrativesRequired)).SingleAsync(ct);
        return IndicatorCalculator.Compute(
            await delivery.FactsAsync(new ProjectContext(project, rules, false, false), ct));
    }

    private static IndicatorSet Read(string json) => JsonSerializer.Deserialize<IndicatorSet>(json, Json)!;
}
