using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talka.Web.Infrastructure.Email;
using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Tests;

/// <summary>The nightly clean-up: what was kept only to do the work (a done password reset's e-mail address, a sent
/// e-mail's text) goes after its time; what is still to do, or recent, stays; the next night's run is queued.</summary>
public sealed class HousekeepingTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task Done_jobs_after_a_week_failed_ones_after_90_days_and_sent_emails_after_30_days_are_removed()
    {
        var now = DateTime.UtcNow;
        Job JobOf(JobStatus status, DateTime? finished) =>
            new()
            {
                Kind = "password-reset",
                Payload = TestAccounts.Address("pamirsusi"),
                Status = status,
                CreatedAt = now.AddDays(-100),
                NotBefore = now.AddDays(-100),
                FinishedAt = finished,
            };
        EmailMessage MailOf(DateTime? sent) =>
            new()
            {
                To = TestAccounts.Address("gavejas"),
                Kind = "PasswordReset",
                Subject = "Slaptažodžio atkūrimas",
                Text = "Nuoroda",
                Html = "<p>Nuoroda</p>",
                CreatedAt = now.AddDays(-40),
                SentAt = sent,
            };
        var oldDone = JobOf(JobStatus.Done, now.AddDays(-8));
        var newDone = JobOf(JobStatus.Done, now.AddDays(-6));
        var oldFailed = JobOf(JobStatus.Failed, now.AddDays(-91));
        var newFailed = JobOf(JobStatus.Failed, now.AddDays(-30));
        var queued = JobOf(JobStatus.Queued, null);
        var oldMail = MailOf(now.AddDays(-31));
        var newMail = MailOf(now.AddDays(-29));
        var unsent = MailOf(null);
        using var hold = factory.HoldJobs();
        // The run the app queued at start: one the worker took before the hold is let finish (it queues the next
        // night's run, as this test's run would); one still queued is removed, and this test runs it instead.
        Task<bool> RunningAsync() => factory.WithDbAsync(db => db.Set<Job>()
            .AnyAsync(j => j.Kind == HousekeepingJob.JobKind && j.Status == JobStatus.Running));
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await RunningAsync())
            {
                await Task.Delay(100);
                continue;
            }
            await factory.WithDbAsync(db => db.Set<Job>()
                .Where(j => j.Kind == HousekeepingJob.JobKind && j.Status == JobStatus.Queued)
                .ExecuteDeleteAsync());
            if (!await RunningAsync()) break;
        }
        await factory.WithDbAsync(async db =>
        {
            db.AddRange(oldDone, newDone, oldFailed, newFailed, queued, oldMail, newMail, unsent);
            return await db.SaveChangesAsync();
        });

        await using (var scope = factory.Services.CreateAsyncScope())
            await scope
                .ServiceProvider.GetServices<IJobHandler>()
                .Single(h => h.Kind == HousekeepingJob.JobKind)
                .RunAsync("nightly", CancellationToken.None);

        Guid[] jobs = [oldDone.Id, newDone.Id, oldFailed.Id, newFailed.Id, queued.Id];
        var keptJobs = await factory.WithDbAsync(db =>
            db.Set<Job>().Where(j => jobs.Contains(j.Id)).Select(j => j.Id).ToListAsync()
        );
        Assert.Equal([newDone.Id, newFailed.Id, queued.Id], jobs.Where(keptJobs.Contains));
        Guid[] mails = [oldMail.Id, newMail.Id, unsent.Id];
        var keptMails = await factory.WithDbAsync(db =>
            db.Set<EmailMessage>().Where(m => mails.Contains(m.Id)).Select(m => m.Id).ToListAsync()
        );
        Assert.Equal([newMail.Id, unsent.Id], mails.Where(keptMails.Contains));
        var next = await factory.WithDbAsync(db =>
            db.Set<Job>()
                .Where(j => j.Kind == HousekeepingJob.JobKind && j.Status == JobStatus.Queued)
                .Select(j => j.NotBefore)
                .ToListAsync()
        );
        Assert.True(
            next.Count == 1 && next[0] > now.AddHours(1) && next[0] < now.AddHours(30),
            string.Join(", ", next)
        );
    }
}
