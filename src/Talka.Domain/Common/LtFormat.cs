using System.Globalization;

namespace Talka.Domain.Common;

/// <summary>Lithuanian display formats: "47 511,61 €", "2022-12-31", "2022 m. gruodžio 31 d.".</summary>
public static class LtFormat
{
    public const char NoBreakSpace = '\u00A0';

    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = NoBreakSpace.ToString(),
        NumberDecimalSeparator = ",",
        NegativeSign = "−",
    };

    private static readonly string[] MonthsGenitive =
    [
        "sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio",
        "liepos", "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio",
    ];

    public static string Eur(decimal amount) => amount.ToString("#,##0.00", Numbers) + NoBreakSpace + "€";

    /// <summary>The Lithuanian wall-clock time of a UTC instant (a call's deadline is stated in it).</summary>
    public static DateTime VilniusTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Vilnius);

    /// <summary>An amount as a form field holds it: "47 511,61", without the sign.</summary>
    public static string Amount(decimal amount) => amount.ToString("#,##0.00", Numbers);

    public static string Number(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("#,##0", Numbers) : value.ToString("#,##0.##", Numbers);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LongDate(DateOnly date) => $"{date.Year} m. {MonthsGenitive[date.Month - 1]} {date.Day} d.";

    /// <summary>A day of the year without the year: "sausio 10 d.".</summary>
    public static string MonthDay(int month, int day) => $"{MonthsGenitive[month - 1]} {day} d.";

    /// <summary>A month's name as a date says it: "sausio".</summary>
    public static string MonthGenitive(int month) => MonthsGenitive[month - 1];

    /// <summary>Lithuania's time zone (EET/EEST), where every time Talka shows is given.</summary>
    public static readonly TimeZoneInfo Vilnius = FindVilnius();

    /// <summary>A moment in Lithuanian time: "2026-11-29 19:53".</summary>
    public static string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Vilnius).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindVilnius()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Vilnius"); }
        catch (TimeZoneNotFoundException)
        {
            // Without the time zone database: the EU rule (UTC+2, +3 from the last Sunday of March to the last
            // Sunday of October, changing at 01:00 UTC).
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 3, 5, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 4, 0, 0), 10, 5, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date,
                TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Vilnius", TimeSpan.FromHours(2), "Vilnius", "EET", "EEST", [rule]);
        }
    }

    /// <summary>Parses an amount typed the Lithuanian way ("47 511,61", "47511.61", "47 511,61 €").</summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = new string(text.Where(c => !char.IsWhiteSpace(c) && c != NoBreakSpace && c != '€').ToArray())
            .Replace('−', '-');
        var lastComma = cleaned.LastIndexOf(',');
        var lastDot = cleaned.LastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0)
        {
            // The later separator is the decimal one; the other groups thousands.
            cleaned = lastComma > lastDot ? cleaned.Replace(".", "").Replace(',', '.') : cleaned.Replace(",", "");
        }
        else
        {
            cleaned = cleaned.Replace(',', '.');
        }
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out amount);
    }
}
