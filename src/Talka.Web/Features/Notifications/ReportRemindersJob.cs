using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Reports;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Features.Notifications;

/// <summary>
/// The daily reminders: first the scheduled reports of every project still running are made sure of; then each
/// undelivered report due within 7 days, or overdue (the day after, then weekly, for up to a
/// year), gets its reminder to the organisation's members, once (see <see cref="ReportReminder"/>). Reads the reports
/// a page at a time. Then puts its next run at 06:00 Lithuanian time the next day, unless one is queued already.
/// </summary>
public sealed class ReportRemindersJob(
    TalkaDbContext db,
    Notifier notifier,
    JobQueue jobs,
    TimeProvider clock,
    Reports.ReportService reports
) : IJobHandler
{
    public const string JobKind = "report-reminders";
    public string Kind => JobKind;
    private const int PageSize = 200;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(LtFormat.VilniusTime(clock.GetUtcNow().UtcDateTime));
        var (oldest, horizon) = ReportReminder.Window(today);
        await reports.EnsureSchedulesAsync(oldest, ct);
        var members = new Dictionary<Guid, IReadOnlyList<string>>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await (
                from r in db.Set<Report>().AsNoTracking()
                join p in db.Projects.AsNoTracking() on r.ProjectId equals p.Id
                where
                    (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned)
                    && r.Due <= horizon
                    && r.Due >= oldest
                orderby r.Id
                select new
                {
                    r.Id,
                    r.ProjectId,
                    r.Due,
                    r.Status,
                    r.PeriodStart,
                    r.PeriodEnd,
                    p.Title,
                    p.OrganisationId,
                }
            )
                .Skip(skip)
                .Take(PageSize)
                .ToListAsync(ct);
            foreach (var r in page)
            {
                if (ReportReminder.For(r.Due, r.Status, today) is not { } reminder)
                    continue;
                var kind =
                    reminder.Kind == ReminderKind.DueSoon
                        ? NotificationKinds.ReportDueSoon
                        : NotificationKinds.ReportOverdue;
                // An organisation's members are read once per run, however many of its reports are reminded.
                if (!members.TryGetValue(r.OrganisationId, out var people))
                    members[r.OrganisationId] = people = await notifier.MembersOfAsync(r.OrganisationId, ct);
                await notifier.NotifyAsync(
                    people,
                    kind,
                    $"/projects/{r.ProjectId}/reports/{r.Id}",
                    [r.Title, $"{LtFormat.Date(r.PeriodStart)} – {LtFormat.Date(r.PeriodEnd)}", LtFormat.Date(r.Due)],
                    reminder.Key(r.Id),
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
    /// each run and by `migrate`, which queues the first one for now).</summary>
    public static Task ScheduleAsync(JobQueue jobs, CancellationToken ct, bool now = false) =>
        jobs.ScheduleDailyAsync(JobKind, "daily", 6, now, ct);
}
