using Talka.Domain.Common;

namespace Talka.Domain.Payments;

/// <summary>
/// The day of the year after a project ends by which unused and disallowed funds are returned: 10 January by
/// default (Budget Structure Law, art. 27(4)), a per-call setting. 29 February is refused: it is not in every year.
/// </summary>
public sealed record RecoveryDay
{
    private RecoveryDay(int month, int day)
    {
        Month = month;
        Day = day;
    }

    public int Month { get; }
    public int Day { get; }

    public static RecoveryDay Default { get; } = new(1, 10);

    public static RecoveryDay Create(int month, int day, string field = "RecoveryDueDay")
    {
        if (month is < 1 or > 12)
            throw new DomainException("MonthRange", field);
        if (day < 1 || day > DateTime.DaysInMonth(2025, month))
            throw new DomainException("DayOfMonthRange", field, DateTime.DaysInMonth(2025, month).ToString());
        return new(month, day);
    }

    /// <summary>The due day for a project ending on <paramref name="projectEnd"/>.</summary>
    public DateOnly After(DateOnly projectEnd) => new(projectEnd.Year + 1, Month, Day);
}
