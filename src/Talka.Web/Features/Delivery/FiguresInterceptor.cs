using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Talka.Domain.Calls;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Delivery;

/// <summary>
/// Keeps stored figures true to the records: a save that changes a project's participants, events, attendance,
/// volunteers, their hours or deliverables marks that project's figures stale in the same transaction (readers then
/// recount live) and queues a job that refreshes them right after it commits (one queued job per project at a time); a
/// new project gets its row; a call whose rules change marks its projects' figures stale and queues their refresh. A
/// bulk writer (an import, marking thousands at once) saves in summary mode and refreshes once itself, in its
/// transaction.
/// The national counts (every programme at once, seconds of the database's time at national size) are refreshed
/// Talka:Figures:NationalRefreshSeconds (30 by default) after a change, one refresh for a burst of changes, and are
/// read as stored meanwhile, as visitors read programmes' counts; a change that takes a project out of the public
/// counts (unpublished, moved to another call, deleted) clears them instead, so that they are counted live until
/// refreshed at once.
/// </summary>
public sealed class FiguresInterceptor(AuditSettings settings, TimeProvider clock, Infrastructure.Jobs.JobSignal signal,
    Infrastructure.Jobs.WakeOnCommit wake, IConfiguration configuration, Infrastructure.Web.PublicCacheEviction cache,
    OpenData.OpenDataRefresh openData) : SaveChangesInterceptor
{
    private readonly DeliveryChanges _delivery = new();
    private readonly HashSet<Guid> _calls = [];
    /// <summary>Projects whose own record or agreement changed: their programme's counts (published projects, funds)
    /// may change, their figures do not.</summary>
    private readonly HashSet<Guid> _programmeOnly = [];
    /// <summary>Whether the save takes a project out of the public counts (or moves it between programmes).</summary>
    private bool _withdrawn;
    private bool _refreshing;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RefreshAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        await RefreshAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Clear();
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null || _refreshing) return;
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (_delivery.Add(entry.Entity)) continue;
            switch (entry.Entity)
            {
                case Project { } project when entry.State == EntityState.Added:
                    context.Add(new ProjectFigures { ProjectId = project.Id, Stale = true });
                    break;
                case Project { } project:
                    _programmeOnly.Add(project.Id);
                    _withdrawn |= entry.State == EntityState.Deleted
                        || entry.Property(nameof(Project.IsPublished)).IsModified
                        || entry.Property(nameof(Project.CallId)).IsModified;
                    break;
                case Talka.Domain.Agreements.Agreement agreement: _programmeOnly.Add(agreement.ProjectId); break;
                case Call call when entry.State == EntityState.Modified:
                    _calls.Add(call.Id);
                    _withdrawn |= entry.Property(nameof(Call.ProgrammeId)).IsModified;
                    break;
            }
        }
    }

    /// <summary>What a bulk writer (summary mode: an import, marking or unmarking thousands at once) calls once, in its
    /// transaction, after its saves: refreshes the project's figures (and so evicts its public page), marks the counts
    /// of its programme and the national ones stale and queues their refresh, and queues the open-data files'
    /// regeneration. Its saves may not show the change in tracked records (marks deleted in the database, rows
    /// copied in).</summary>
    public async Task BulkChangedAsync(TalkaDbContext db, Guid projectId, CancellationToken ct)
    {
        await new FigureStore(db, new DeliveryQueries(db), cache).RefreshAsync(projectId, clock.GetUtcNow().UtcDateTime,
            ct);
        _programmeOnly.Add(projectId);
        await openData.QueueAsync(db, ct);
        await RefreshAsync(db, ct);
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }

    private async Task RefreshAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not TalkaDbContext db || _refreshing) return;
        if (_delivery.IsEmpty && _calls.Count == 0 && _programmeOnly.Count == 0)
        {
            Clear();
            return;
        }
        _refreshing = true;
        try
        {
            var projects = await _delivery.ProjectsAsync(db, ct);
            // Their public pages show these records: evicted when the save commits.
            foreach (var project in projects) await cache.ProjectChangedAsync(db, project);
            var calls = _calls.ToList();
            var touched = projects.Union(_programmeOnly).ToList();
            var summary = settings.SummaryOnly;
            var withdrawn = _withdrawn;
            Clear();
            var store = new FigureStore(db, new DeliveryQueries(db), cache);
            // In a fixed order, so that two saves touching the same projects take their row locks alike.
            // A bulk writer (summary mode) refreshes its project's figures itself; its programme is marked here.
            List<Guid> ordered = summary ? [] : projects.Order().ToList();
            foreach (var project in ordered) await store.MarkStaleAsync(project, ct);
            foreach (var call in calls) await store.MarkCallStaleAsync(call, ct);
            // A call's new rules change its projects' figures: each is refreshed, as after a change of its records.
            if (calls.Count > 0)
                ordered = ordered.Union(await db.Projects.Where(p => calls.Contains(p.CallId)).Select(p => p.Id)
                    .OrderBy(id => id).ToListAsync(ct)).ToList();
            // Their programmes' dashboard counts too.
            var programmes = await db.Projects.Where(p => touched.Contains(p.Id))
                .Join(db.Calls, p => p.CallId, c => c.Id, (p, c) => c.ProgrammeId)
                .Union(db.Calls.Where(c => calls.Contains(c.Id)).Select(c => c.ProgrammeId))
                .Distinct().OrderBy(id => id).ToListAsync(ct);
            programmes = ProgrammeFigureStore.WithNational(programmes);
            await new ProgrammeFigureStore(db).MarkStaleAsync(programmes, withdrawn, ct);
            var jobs = ordered.Select(p => (FiguresJobHandler.JobKind, p.ToString()))
                .Concat(programmes.Select(p => (ProgrammeFiguresJobHandler.JobKind, p.ToString()))).ToList();
            if (jobs.Count == 0) return;
            var now = clock.GetUtcNow().UtcDateTime;
            var national = ProgrammeFigures.AllProgrammes.ToString();
            // Cleared national counts are counted live by every reader until refreshed: a refresh already queued for
            // later runs now.
            if (withdrawn && programmes.Count > 0)
                await db.Set<Infrastructure.Jobs.Job>()
                    .Where(j => j.Kind == ProgrammeFiguresJobHandler.JobKind && j.Payload == national
                        && j.Status == Infrastructure.Jobs.JobStatus.Queued && j.NotBefore > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.NotBefore, now), ct);
            var payloads = jobs.Select(j => j.Item2).ToList();
            var queued = (await db.Set<Infrastructure.Jobs.Job>()
                .Where(j => (j.Kind == FiguresJobHandler.JobKind || j.Kind == ProgrammeFiguresJobHandler.JobKind)
                    && j.Status == Infrastructure.Jobs.JobStatus.Queued && payloads.Contains(j.Payload))
                .Select(j => new { j.Kind, j.Payload }).ToListAsync(ct)).Select(j => (j.Kind, j.Payload)).ToHashSet();
            var delay = withdrawn ? 0 : Math.Max(0, configuration.GetValue("Talka:Figures:NationalRefreshSeconds", 30));
            foreach (var (kind, payload) in jobs.Where(j => !queued.Contains(j)))
                db.Add(new Infrastructure.Jobs.Job
                {
                    Kind = kind, Payload = payload, CreatedAt = now,
                    NotBefore = payload == national ? now.AddSeconds(delay) : now,
                });
            await db.SaveChangesAsync(ct);
            // The worker is woken once the jobs are committed, not before (it would find nothing and wait for its
            // poll).
            if (db.Database.CurrentTransaction is null) signal.Wake();
            else wake.Arm();
        }
        finally
        {
            _refreshing = false;
        }
    }

    private void Clear()
    {
        _withdrawn = false;
        _programmeOnly.Clear();
        _delivery.Clear();
        _calls.Clear();
    }
}
