namespace Talka.Domain.Reports;

public enum ReminderKind
{
    DueSoon,
    Overdue,
}

/// <summary>
/// Which reminder a report calls for on a day: "due soon" once, within the <see cref="DaysBefore"/> days before it
/// is due; "overdue" the day after it was due, then once a week (week 0, 1, 2…) while it stays undelivered.
/// Submitted and approved reports call for none. The key names the reminder, so that however often the daily job
/// runs, each is sent once.
/// </summary>
public sealed record ReportReminder(ReminderKind Kind, int Week)
{
    public const int DaysBefore = 7;

    /// <summary>The due days a daily run looks at: from a year ago (overdue reminders stop after a year) to a week
    /// ahead.</summary>
    public static (DateOnly Oldest, DateOnly Horizon) Window(DateOnly today) => (today.AddDays(-366), today.AddDays(DaysBefore));

    public string Key(Guid reportId) => Kind == ReminderKind.DueSoon ? $"due:{reportId}" : $"overdue:{reportId}:{Week}";

    public static ReportReminder? For(DateOnly due, ReportStatus status, DateOnly today) =>
        status is ReportStatus.Draft or ReportStatus.Returned ? ForDue(due, today) : null;

    /// <summary>The reminder a day calls for before and after anything due (a report, a recovery), while it is
    /// still owed.</summary>
    public static ReportReminder? ForDue(DateOnly due, DateOnly today)
    {
        if (today > due)
            return new ReportReminder(ReminderKind.Overdue, (today.DayNumber - due.DayNumber - 1) / 7);
        return due.DayNumber - today.DayNumber <= DaysBefore ? new ReportReminder(ReminderKind.DueSoon, 0) : null;
    }
}
