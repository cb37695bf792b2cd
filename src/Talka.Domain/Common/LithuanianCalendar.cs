namespace Talka.Domain.Common;

/// <summary>
/// Lithuanian working days: Monday to Friday except the public holidays of the Labour Code (art. 123): 1 January,
/// 16 February, 11 March, Easter Sunday and Monday, 1 May, the first Sundays of May and June, 24 June, 6 July,
/// 15 August, 1 November, 2 November (since 2020), 24 December (since 2012), 25 and 26 December.
/// </summary>
public static class LithuanianCalendar
{
    public static bool IsPublicHoliday(DateOnly day)
    {
        var easter = EasterSunday(day.Year);
        if (day == easter || day == easter.AddDays(1))
            return true;
        return (day.Month, day.Day) switch
        {
            (1, 1) or (2, 16) or (3, 11) or (5, 1) or (6, 24) or (7, 6) or (8, 15) or (11, 1) => true,
            (11, 2) => day.Year >= 2020,
            (12, 24) => day.Year >= 2012,
            (12, 25) or (12, 26) => true,
            // Mother's and Father's Days fall on Sundays, which are not working days anyway.
            _ => false,
        };
    }

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(day);

    /// <summary>The first working day after the day.</summary>
    public static DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next))
            next = next.AddDays(1);
        return next;
    }

    /// <summary>The day that many working days after the day (5 working days from a Friday: the next Friday, or later
    /// across holidays).</summary>
    public static DateOnly AddWorkingDays(DateOnly day, int count)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count));
        for (var i = 0; i < count; i++)
            day = NextWorkingDay(day);
        return day;
    }

    /// <summary>Easter Sunday (Western, Gregorian), by the anonymous Gregorian algorithm.</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
