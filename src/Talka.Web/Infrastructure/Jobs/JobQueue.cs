using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Infrastructure.Jobs;

/// <summary>Puts work on the persisted queue, in the caller's unit of work: the job exists exactly when the change
/// that needs it is saved.</summary>
public sealed class JobQueue(TalkaDbContext db, TimeProvider clock, WakeOnCommit wake)
{
    /// <summary>Adds the job to the context (saved with the caller's SaveChanges) and wakes this instance's worker
    /// when that commits: woken before, the worker would find nothing and sleep until its next poll.
    /// <paramref name="notBefore"/> (UTC) puts it off until then.</summary>
    public Job Enqueue(string kind, string payload, DateTime? notBefore = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new Job
        {
            Kind = kind,
            Payload = payload,
            CreatedAt = now,
            NotBefore = notBefore ?? now,
        };
        db.Add(job);
        wake.Arm();
        return job;
    }

    /// <summary>Queues the next run of a daily job at the hour given (Lithuanian time) tomorrow, or now, unless a run
    /// of the kind is queued already; saved at once. Each run calls it again, so the job goes on every day.</summary>
    public async Task ScheduleDailyAsync(string kind, string payload, int hour, bool now, CancellationToken ct)
    {
        if (await db.Set<Job>().AnyAsync(j => j.Kind == kind && j.Status == JobStatus.Queued, ct))
            return;
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Talka.Domain.Common.LtFormat.Vilnius);
        var at = local.Date.AddDays(1).AddHours(hour);
        var next = new DateTimeOffset(at, Talka.Domain.Common.LtFormat.Vilnius.GetUtcOffset(at));
        Enqueue(kind, payload, now ? null : next.UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether a job of the kind for the payload is still waiting or running.</summary>
    public Task<bool> PendingAsync(string kind, string payload, CancellationToken ct = default) =>
        db.Set<Job>()
            .AnyAsync(
                j =>
                    j.Kind == kind
                    && j.Payload == payload
                    && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running),
                ct
            );
}
