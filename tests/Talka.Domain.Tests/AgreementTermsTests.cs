using Talka.Domain.Agreements;
using Talka.Domain.Common;
using Talka.Domain.Finance;
using Talka.Domain.Payments;
using Talka.Domain.Reports;

namespace Talka.Domain.Tests;

/// <summary>A call's own agreement conditions and return day, an amount amendment's budget, and the reminders of money
/// to be returned.</summary>
public sealed class AgreementTermsTests
{
    [Fact]
    public void A_call_template_fills_its_placeholders_paragraph_by_paragraph_and_leaves_a_blank_for_what_is_unknown()
    {
        var call = Build.Call();
        call.SetAgreementTerms(
            "Vykdytojas {organizacija} (kodas {kodas}) įgyvendina projektą „{projektas}“.\r\n\r\n"
                + "  Skiriama {suma}; sutarties Nr. {numeris}; baigiama {pabaiga}.  \n\n\n"
        );
        var paragraphs = AgreementTemplate.Render(
            call.AgreementTerms,
            new Dictionary<string, string?>
            {
                ["organizacija"] = "Asociacija „Šeimos“",
                ["kodas"] = null,
                ["projektas"] = "Pagalba šeimoms",
                ["suma"] = LtFormat.Eur(47_511.61m),
                ["numeris"] = "SADM-2027-001",
                ["pabaiga"] = LtFormat.LongDate(new DateOnly(2027, 11, 30)),
            }
        );
        Assert.Equal(
            [
                "Vykdytojas Asociacija „Šeimos“ (kodas _______________) įgyvendina projektą „Pagalba šeimoms“.",
                // A date ends with its own full stop: not two of them.
                "Skiriama 47\u00a0511,61\u00a0€; sutarties Nr. SADM-2027-001; baigiama 2027 m. lapkričio 30 d.",
            ],
            paragraphs
        );
        call.SetAgreementTerms("   ");
        Assert.Null(call.AgreementTerms);
        Assert.Empty(AgreementTemplate.Render(call.AgreementTerms, new Dictionary<string, string?>()));
    }

    [Fact]
    public void An_unknown_placeholder_or_an_unpaired_brace_is_refused_when_the_call_is_saved()
    {
        var call = Build.Call();
        var unknown = Assert.Throws<DomainException>(() => call.SetAgreementTerms("Suma: {sumaa}."));
        Assert.Equal(
            ("TemplatePlaceholderUnknown", "AgreementTerms", "{sumaa}"),
            (unknown.Code, unknown.Field, unknown.Args[0])
        );
        Assert.Contains("{suma}", (string)unknown.Args[1]);
        Assert.Equal(
            "TemplateBraceUnclosed",
            Assert.Throws<DomainException>(() => call.SetAgreementTerms("Suma: {suma")).Code
        );
        Assert.Equal(
            "TooLong",
            Assert.Throws<DomainException>(() => call.SetAgreementTerms(new string('a', 20_001))).Code
        );
        Assert.Null(call.AgreementTerms);
    }

    [Fact]
    public void The_return_day_is_the_calls_setting_in_the_year_after_the_project_ends_and_29_february_is_refused()
    {
        var call = Build.Call();
        Assert.Equal(new DateOnly(2025, 1, 10), call.RecoveryDay.After(new DateOnly(2024, 12, 31)));
        call.SetRecoveryDay(RecoveryDay.Create(3, 31));
        Assert.Equal(new DateOnly(2025, 3, 31), call.RecoveryDay.After(new DateOnly(2024, 6, 30)));
        Assert.Equal("DayOfMonthRange", Assert.Throws<DomainException>(() => RecoveryDay.Create(2, 29)).Code);
        Assert.Equal("MonthRange", Assert.Throws<DomainException>(() => RecoveryDay.Create(13, 1)).Code);
        Assert.Equal("DayOfMonthRange", Assert.Throws<DomainException>(() => RecoveryDay.Create(4, 0)).Code);
    }

    [Fact]
    public void A_new_amount_rescales_the_budgets_grant_lines_in_proportion_to_the_cent()
    {
        BudgetLineInput[] lines =
        [
            new(CostCategory.Personnel, 33_333.33m, 1_000m),
            new(CostCategory.EventsAndTraining, 33_333.33m, 0m),
            new(CostCategory.Publicity, 33_333.34m, 0m),
        ];
        var raised = Budgets.Rescale(lines, 110_000m);
        Assert.Equal(110_000m, raised.Sum(l => l.GrantAmount));
        Assert.Equal([36_666.66m, 36_666.66m, 36_666.68m], raised.Select(l => l.GrantAmount));
        Assert.Equal(1_000m, raised[0].OwnFunds);
        var lowered = Budgets.Rescale(
            [new(CostCategory.Personnel, 80_000m, 0m), new(CostCategory.Audit, 20_000m, 0m)],
            95_000m
        );
        Assert.Equal([76_000m, 19_000m], lowered.Select(l => l.GrantAmount));
        // Built against the new amount, the rescaled budget passes the budget's own rule.
        Assert.Equal(110_000m, Budgets.Build(Guid.NewGuid(), raised, 110_000m).Sum(l => l.GrantAmount));
        BudgetLineInput[] own = [new(CostCategory.Personnel, 0m, 500m)];
        Assert.Same(own, Budgets.Rescale(own, 10_000m));
    }

    [Fact]
    public void An_outstanding_recovery_is_reminded_a_week_before_the_day_after_and_weekly_until_repaid()
    {
        var recovery = new Recovery(Guid.NewGuid(), 5_000m, new DateOnly(2025, 1, 10));
        Assert.Null(recovery.Reminder(new DateOnly(2025, 1, 2)));
        Assert.Equal(new ReportReminder(ReminderKind.DueSoon, 0), recovery.Reminder(new DateOnly(2025, 1, 3)));
        Assert.Equal(new ReportReminder(ReminderKind.Overdue, 0), recovery.Reminder(new DateOnly(2025, 1, 11)));
        Assert.Equal(new ReportReminder(ReminderKind.Overdue, 1), recovery.Reminder(new DateOnly(2025, 1, 18)));
        recovery.Repay(new DateOnly(2025, 1, 20), 4_000m, new DateOnly(2025, 1, 20));
        Assert.NotNull(recovery.Reminder(new DateOnly(2025, 1, 25)));
        recovery.Repay(new DateOnly(2025, 1, 26), 1_000m, new DateOnly(2025, 1, 26));
        Assert.Null(recovery.Reminder(new DateOnly(2025, 2, 1)));
    }
}
