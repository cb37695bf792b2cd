using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Email;

namespace Talka.Web.Infrastructure.Jobs;

/// <summary>
/// The nightly clean-up of what Talka keeps only to do its work: jobs done more than 7 days ago (a password reset's
/// job holds the person's e-mail address), failed ones after 90 days (long enough to look into), and e-mails sent more
/// than 30 days ago (their text holds names and links). Then puts its next run at 03:00 Lithuanian time the next day,
/// unless one is queued already.
/// </summary>
public sealed class HousekeepingJob(TalkaDbContext db, JobQueue jobs, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "housekeeping";
    public static readonly TimeSpan KeepDone = TimeSpan.FromDays(7);
    public static readonly TimeSpan KeepFailed = TimeSpan.FromDays(90);
    public static readonly TimeSpan KeepSentEmail = TimeSpan.FromDays(30);

    public string Kind => JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var done = now - KeepDone;
        var failed = now - KeepFailed;
        await db.Set<Job>()
            .Where(j =>
                (j.Status == JobStatus.Done && j.FinishedAt < done)
                || (j.Status == JobStatus.Failed && j.FinishedAt < failed)
            )
            .ExecuteDeleteAsync(ct);
        var sent = now - KeepSentEmail;
        await db.Set<EmailMessage>().Where(m => m.SentAt != null && m.SentAt < sent).ExecuteDeleteAsync(ct);
        await ScheduleAsync(jobs, ct);
    }

    /// <summary>Queues the next run at 03:00 Lithuanian time tomorrow (or now), unless a run is already
    /// queued.</summary>
    public static Task ScheduleAsync(JobQueue jobs, CancellationToken ct, bool now = false) =>
        jobs.ScheduleDailyAsync(JobKind, "nightly", 3, now, ct);
}
