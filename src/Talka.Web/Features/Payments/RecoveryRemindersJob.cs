using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Payments;
using Talka.Domain.Reports;
using Talka.Web.Features.Notifications;
using Talka.Web.Features.Programmes;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Features.Payments;

/// <summary>
/// The daily reminders of money to be returned: each recovery still outstanding is reminded to the organisation's
/// members once within a week of its due day, then the day after it and weekly for up to a year; the programme's
/// officers hear of it once when it falls overdue. Reads the recoveries a page at a time, then puts its next run at
/// 06:00 Lithuanian time the next day.
/// </summary>
public sealed class RecoveryRemindersJob(
    TalkaDbContext db,
    Notifier notifier,
    ProgrammeOfficers officers,
    JobQueue jobs,
    TimeProvider clock
) : IJobHandler
{
    public const string JobKind = "recovery-reminders";
    public string Kind => JobKind;
    private const int PageSize = 200;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(LtFormat.VilniusTime(clock.GetUtcNow().UtcDateTime));
        var (oldest, horizon) = ReportReminder.Window(today);
        // An organisation's members are read once per run, however many of its recoveries are reminded.
        var members = new Dictionary<Guid, IReadOnlyList<string>>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await (
                from r in db.Set<Recovery>().AsNoTracking()
                join p in db.Projects.AsNoTracking() on r.ProjectId equals p.Id
                where r.WriteOffReason == null && r.DueOn <= horizon && r.DueOn >= oldest
                orderby r.Id
                select new
                {
                    Recovery = r,
                    p.Title,
                    p.OrganisationId,
                }
            )
                .Skip(skip)
                .Take(PageSize)
                .ToListAsync(ct);
            foreach (var row in page)
            {
                var r = row.Recovery;
                if (r.Reminder(today) is not { } reminder)
                    continue;
                var overdue = reminder.Kind == ReminderKind.Overdue;
                var args = new[] { row.Title, LtFormat.Eur(r.Outstanding), LtFormat.Date(r.DueOn) };
                var link = $"/projects/{r.ProjectId}/payments";
                var key = "recovery-" + reminder.Key(r.Id);
                var kind = overdue ? NotificationKinds.RecoveryOverdue : NotificationKinds.RecoveryDueSoon;
                if (!members.TryGetValue(row.OrganisationId, out var people))
                    members[row.OrganisationId] = people = await notifier.MembersOfAsync(row.OrganisationId, ct);
                await notifier.NotifyAsync(people, kind, link, args, key, ct);
                if (overdue && reminder.Week == 0)
                    await notifier.NotifyAsync(
                        await officers.ReviewersOfAsync(r.ProjectId, ct),
                        kind,
                        link,
                        args,
                        key,
                        ct
                    );
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (page.Count < PageSize)
                break;
        }
        await ScheduleAsync(jobs, ct);
    }

    /// <summary>Queues the next run at 06:00 Lithuanian time tomorrow, unless a run is already queued (called after
    /// each run and at start, which queues the first one for now).</summary>
    public static Task ScheduleAsync(JobQueue jobs, CancellationToken ct, bool now = false) =>
        jobs.ScheduleDailyAsync(JobKind, "daily", 6, now, ct);
}
