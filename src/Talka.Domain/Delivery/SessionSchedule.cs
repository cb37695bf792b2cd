namespace Talka.Domain.Delivery;

/// <summary>
/// When a series' sessions take place: on the dates recorded for them, else spread evenly over the series' period
/// (the first on its first day, the last on its last, a single session on the last day). Quarterly figures follow
/// these dates, so an 18-month series counts in every quarter it ran, not only in its last.
/// </summary>
public static class SessionSchedule
{
    public static IReadOnlyList<DateOnly> Dates(
        DateOnly start,
        DateOnly end,
        int sessions,
        IReadOnlyList<DateOnly>? recorded
    )
    {
        if (recorded is { Count: > 0 })
            return recorded.Order().ToList();
        if (sessions <= 1 || end <= start)
            return Enumerable.Repeat(end, Math.Max(sessions, 1)).ToList();
        var span = end.DayNumber - start.DayNumber;
        return Enumerable
            .Range(0, sessions)
            .Select(i =>
                DateOnly.FromDayNumber(
                    start.DayNumber + (int)Math.Round((double)i * span / (sessions - 1), MidpointRounding.AwayFromZero)
                )
            )
            .ToList();
    }

    /// <summary>The quarters the sessions fall in, with how many in each, in order.</summary>
    public static IReadOnlyList<QuarterSessions> ByQuarter(
        DateOnly start,
        DateOnly end,
        int sessions,
        IReadOnlyList<DateOnly>? recorded
    ) =>
        Dates(start, end, sessions, recorded)
            .GroupBy(Quarter.Of)
            .OrderBy(g => g.Key)
            .Select(g => new QuarterSessions(g.Key, g.Count()))
            .ToList();
}
