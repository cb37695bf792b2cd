using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Reports;

namespace Talka.Domain.Tests;

public class ReportScheduleTests
{
    private static readonly DateRange Year2022 = new(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));

    [Fact]
    public void Quarterly_financial_reports_are_due_on_the_fifth_of_the_next_month_the_last_on_5_january()
    {
        var quarterly = ReportSchedule.For(Year2022, 40_000m, ReportingRules.Default).Where(r => r.Kind == ReportKind.QuarterlyFinancial).ToList();
        Assert.Equal([new DateOnly(2022, 4, 5), new DateOnly(2022, 7, 5), new DateOnly(2022, 10, 5), new DateOnly(2023, 1, 5)], quarterly.Select(r => r.Due));
        Assert.Equal(new DateOnly(2022, 12, 31), quarterly[3].PeriodEnd);
    }

    [Fact]
    public void Activity_reports_are_half_yearly_from_30000_of_state_funding_else_annual_and_a_final_report_closes()
    {
        var half = ReportSchedule.For(Year2022, 30_000m, ReportingRules.Default);
        Assert.Equal(new DateOnly(2022, 6, 30), half.Single(r => r.Kind == ReportKind.Activity).PeriodEnd);
        Assert.Equal(new DateOnly(2022, 7, 5), half.Single(r => r.Kind == ReportKind.Activity).Due);
        var annual = ReportSchedule.For(Year2022, 29_999.99m, ReportingRules.Default);
        Assert.DoesNotContain(annual, r => r.Kind == ReportKind.Activity);   // a one-year project: the final report is the annual one
        var final = Assert.Single(annual, r => r.Kind == ReportKind.Final);
        Assert.Equal((Year2022.Start, Year2022.End, new DateOnly(2023, 1, 15)), (final.PeriodStart, final.PeriodEnd, final.Due));
    }

    [Fact]
    public void A_project_starting_mid_quarter_reports_from_its_start()
    {
        var period = new DateRange(new DateOnly(2017, 8, 31), new DateOnly(2017, 12, 31));
        var quarterly = ReportSchedule.For(period, 0, ReportingRules.Default).Where(r => r.Kind == ReportKind.QuarterlyFinancial).ToList();
        Assert.Equal(2, quarterly.Count);
        Assert.Equal(new DateOnly(2017, 8, 31), quarterly[0].PeriodStart);
        Assert.Equal(new DateOnly(2017, 10, 5), quarterly[0].Due);
    }
}

public class ReportWorkflowTests
{
    private static readonly DateTimeOffset After = new(2022, 4, 2, 9, 0, 0, TimeSpan.Zero);
    private static Report NewReport() => new(Guid.NewGuid(), new ScheduledReport(ReportKind.QuarterlyFinancial, new DateOnly(2022, 1, 1), new DateOnly(2022, 3, 31), new DateOnly(2022, 4, 5)));

    [Fact]
    public void Submit_return_resubmit_approve_keeps_every_version()
    {
        var report = NewReport();
        var activity = Guid.NewGuid();
        report.WriteNarrative(activity, "Įvyko 5 seminarai.");
        var first = report.Submit("{\"v\":1}", "ngo@x.lt", After);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal("ReportSubmitted", Assert.Throws<DomainException>(() => report.WriteNarrative(activity, "pakeista")).Code);
        report.Return([new CommentInput("Išlaidos: SF-2", "Pridėkite mokėjimo įrodymą.")], "admin@x.lt", After.AddDays(1));
        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.Equal(1, report.Comments.Single().VersionNumber);
        report.WriteNarrative(activity, "Įvyko 5 seminarai; pridėtas įrodymas.");
        var second = report.Submit("{\"v\":2}", "ngo@x.lt", After.AddDays(2));
        report.Approve("admin@x.lt", After.AddDays(3));
        Assert.Equal([1, 2], report.Versions.Select(v => v.Number));
        Assert.Equal("{\"v\":1}", first.Content);
        Assert.Equal("{\"v\":2}", second.Content);
        Assert.Equal(ReportStatus.Approved, report.Status);
    }

    [Fact]
    public void An_approved_report_cannot_be_changed_by_anyone()
    {
        var report = NewReport();
        report.Submit("{}", "ngo@x.lt", After);
        report.Approve("admin@x.lt", After);
        Assert.Equal("ReportApproved", Assert.Throws<DomainException>(() => report.WriteNarrative(Guid.NewGuid(), "x")).Code);
        Assert.Equal("ReportApproved", Assert.Throws<DomainException>(() => report.Submit("{}", "ngo@x.lt", After)).Code);
        Assert.Equal("ReportNotSubmitted", Assert.Throws<DomainException>(() => report.Return([new CommentInput("x", "y")], "a", After)).Code);
        Assert.Equal("ReportNotSubmitted", Assert.Throws<DomainException>(() => report.Approve("a", After)).Code);
    }

    [Fact]
    public void A_report_is_not_submitted_before_its_period_ends_and_is_not_returned_without_a_comment()
    {
        var report = NewReport();
        Assert.Equal("ReportTooEarly", Assert.Throws<DomainException>(() => report.Submit("{}", "ngo@x.lt", new DateTimeOffset(2022, 3, 15, 0, 0, 0, TimeSpan.Zero))).Code);
        report.Submit("{}", "ngo@x.lt", After);
        Assert.Equal("CommentRequired", Assert.Throws<DomainException>(() => report.Return([new CommentInput("Bendra", " ")], "a", After)).Code);
    }

    [Fact]
    public void A_draft_past_its_due_date_is_overdue()
    {
        var report = NewReport();
        Assert.False(report.IsOverdue(new DateOnly(2022, 4, 5)));
        Assert.True(report.IsOverdue(new DateOnly(2022, 4, 6)));
        report.Submit("{}", "ngo@x.lt", After);
        Assert.False(report.IsOverdue(new DateOnly(2022, 5, 1)));
    }

    [Fact]
    public void An_activity_report_with_an_activity_left_undescribed_is_refused_naming_it()
    {
        var schedule = ReportSchedule.For(new DateRange(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)), 40_000m, ReportingRules.Default);
        var report = new Report(Guid.NewGuid(), schedule.Single(r => r.Kind == ReportKind.Final));
        var (parents, staff) = (Guid.NewGuid(), Guid.NewGuid());
        report.WriteNarrative(parents, "Mokymuose dalyvavo 12 tėvų.");
        report.WriteNarrative(staff, "   ");
        var error = Assert.Throws<DomainException>(() => report.RequireNarratives([(parents, "Mokymai tėvams"), (staff, "Darbuotojų supervizija")]));
        Assert.Equal("NarrativesMissing", error.Code);
        Assert.Equal("„Darbuotojų supervizija“", error.Args[0]);
        report.WriteNarrative(staff, "Vyko 4 supervizijos.");
        report.RequireNarratives([(parents, "Mokymai tėvams"), (staff, "Darbuotojų supervizija")]);
        // A quarterly financial report has no narratives to require.
        new Report(Guid.NewGuid(), schedule.First(r => r.Kind == ReportKind.QuarterlyFinancial)).RequireNarratives([(parents, "Mokymai tėvams")]);
    }
}
