using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.OpenData;

/// <summary>
/// A save that changes records queues one regeneration of the open-data files, in the same transaction, run
/// Talka:OpenData:RefreshSeconds (30 by default) later, so that a burst of changes makes one generation; while a
/// regeneration is queued, further saves join it.
/// </summary>
public sealed class OpenDataRefresh(IConfiguration configuration, TimeProvider clock, WakeOnCommit wake)
    : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TalkaDbContext db && PublicCacheEviction.ChangesRecords(db)
            && !await Queued(db).AnyAsync(cancellationToken))
            Queue(db);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is TalkaDbContext db && PublicCacheEviction.ChangesRecords(db) && !Queued(db).Any())
            Queue(db);
        return result;
    }

    /// <summary>Queues the regeneration (saved with the caller's next save) for a change no tracked record shows: a
    /// bulk change made in the database.</summary>
    public async Task QueueAsync(TalkaDbContext db, CancellationToken ct)
    {
        if (!await Queued(db).AnyAsync(ct)) Queue(db);
    }

    private static IQueryable<Job> Queued(TalkaDbContext db) =>
        db.Set<Job>().Where(j => j.Kind == OpenDataJob.JobKind && j.Status == JobStatus.Queued);

    private void Queue(TalkaDbContext db)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var delay = Math.Max(0, configuration.GetValue("Talka:OpenData:RefreshSeconds", 30));
        db.Add(new Job { Kind = OpenDataJob.JobKind, CreatedAt = now, NotBefore = now.AddSeconds(delay) });
        wake.Arm();
    }
}
