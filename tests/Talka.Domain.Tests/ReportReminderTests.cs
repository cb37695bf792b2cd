using Talka.Domain.Reports;

namespace Talka.Domain.Tests;

public sealed class ReportReminderTests
{
    private static readonly DateOnly Due = new(2026, 1, 5);
    private static readonly Guid Id = Guid.Parse("0196a000-0000-7000-8000-000000000001");

    [Theory]
    [InlineData("2025-12-28", null)]
    [InlineData("2025-12-29", "due:0196a000-0000-7000-8000-000000000001")]
    [InlineData("2026-01-05", "due:0196a000-0000-7000-8000-000000000001")]
    [InlineData("2026-01-06", "overdue:0196a000-0000-7000-8000-000000000001:0")]
    [InlineData("2026-01-12", "overdue:0196a000-0000-7000-8000-000000000001:0")]
    [InlineData("2026-01-13", "overdue:0196a000-0000-7000-8000-000000000001:1")]
    [InlineData("2026-02-03", "overdue:0196a000-0000-7000-8000-000000000001:4")]
    public void A_draft_is_reminded_once_in_the_week_before_then_the_day_after_then_weekly(string today, string? key) =>
        Assert.Equal(key, ReportReminder.For(Due, ReportStatus.Draft, DateOnly.Parse(today))?.Key(Id));

    [Theory]
    [InlineData(ReportStatus.Submitted)]
    [InlineData(ReportStatus.Approved)]
    public void A_delivered_report_is_never_reminded(ReportStatus status)
    {
        Assert.Null(ReportReminder.For(Due, status, new DateOnly(2026, 1, 2)));
        Assert.Null(ReportReminder.For(Due, status, new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void A_returned_report_past_its_due_date_is_overdue() =>
        Assert.Equal(
            ReminderKind.Overdue,
            ReportReminder.For(Due, ReportStatus.Returned, new DateOnly(2026, 1, 20))?.Kind
        );
}
