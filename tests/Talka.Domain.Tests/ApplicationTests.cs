using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Finance;
using Talka.Domain.Projects;

namespace Talka.Domain.Tests;

/// <summary>The selection's first half as SELECTION.md states it: the working-day calendar, the deadline and its cap,
/// the eligibility rules, what an application lacks, its submission, the clarification and the formal check's
/// result.</summary>
public sealed class ApplicationTests
{
    private static readonly DateTime Opens = new(2026, 1, 5, 9, 0, 0);
    private static readonly DateTime Closes = new(2026, 2, 27, 17, 0, 0);

    private static ApplicationForm Form(
        int? cap = null,
        IReadOnlyList<EligibilityRule>? rules = null,
        IReadOnlyList<RequiredAttachment>? attachments = null
    ) =>
        new ApplicationForm(
            Opens,
            Closes,
            cap,
            null,
            "NVOK-{year}-{number:0000}",
            rules ?? [new EligibilityRule(EligibilityRuleKind.MinimumIncome, 1_000m, 2025)],
            attachments ?? [new RequiredAttachment("Statutes", "Įstatai")],
            [ApplicationSection.Goal, ApplicationSection.Objectives, ApplicationSection.Budget]
        ).Validated();

    private static Call Call() => Build.Call(min: 3_000m, max: 25_000m, total: 540_000m);

    private static ApplicationContent Complete(decimal requested = 10_000m, decimal income = 5_000m) =>
        new(
            new PlanInput(
                "Savanorystė kaimo bendruomenėse",
                "Įtraukti jaunimą į savanorystę",
                null,
                [new ObjectiveInput(null, "Parengti savanorių koordinatorius")],
                [new ActivityInput(null, 1, ActivityKind.Training, "Mokymai koordinatoriams", null)],
                [TargetGroup.NgoStaffAndVolunteers],
                ["Kauno r."],
                [new IndicatorInput(null, "Parengti koordinatoriai", "asm.", 12)]
            ),
            [],
            [new BudgetLineInput(CostCategory.EventsAndTraining, requested, 500m)],
            new DateOnly(2020, 3, 1),
            new DateOnly(2020, 11, 30),
            new EligibilityDeclaration(Income: income)
        );

    private static ApplicationVersion Submit(
        Application application,
        Call call,
        ApplicationForm form,
        DateTime vilnius,
        string[]? attached = null
    ) =>
        application.Submit(
            call,
            form,
            attached ?? ["Statutes"],
            vilnius,
            vilnius.AddHours(-2),
            () => 1,
            "ngo@test.lt",
            "[]"
        );

    [Fact]
    public void The_calendar_knows_easter_the_fixed_holidays_and_counts_working_days_across_them()
    {
        Assert.Equal(new DateOnly(2026, 4, 5), LithuanianCalendar.EasterSunday(2026));
        Assert.Equal(new DateOnly(2027, 3, 28), LithuanianCalendar.EasterSunday(2027));
        Assert.True(LithuanianCalendar.IsPublicHoliday(new DateOnly(2026, 4, 6))); // Easter Monday
        Assert.True(LithuanianCalendar.IsPublicHoliday(new DateOnly(2026, 2, 16)));
        Assert.True(LithuanianCalendar.IsPublicHoliday(new DateOnly(2026, 11, 2)));
        Assert.False(LithuanianCalendar.IsPublicHoliday(new DateOnly(2019, 11, 2)));
        Assert.False(LithuanianCalendar.IsWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.True(LithuanianCalendar.IsWorkingDay(new DateOnly(2026, 12, 23)));
        // Friday 18 December 2026 + 5 working days: 21, 22, 23, 28, 29 (24–27 are holidays and a weekend).
        Assert.Equal(new DateOnly(2026, 12, 29), LithuanianCalendar.AddWorkingDays(new DateOnly(2026, 12, 18), 5));
    }

    [Fact]
    public void A_submission_at_17_00_00_on_the_closing_day_is_on_time_and_at_17_00_01_it_is_not()
    {
        var form = Form();
        Assert.True(form.AcceptsAt(Closes));
        Assert.False(form.AcceptsAt(Closes.AddSeconds(1)));
        Assert.False(form.AcceptsAt(Opens.AddSeconds(-1)));
        var call = Call();
        var late = Application.Draft(call.Id, Guid.NewGuid(), Complete().Validated(call), Opens);
        var refused = Assert.Throws<DomainException>(() => Submit(late, call, form, Closes.AddMinutes(1)));
        Assert.Equal("CallClosed", refused.Code);
        Assert.Equal(ApplicationStatus.Draft, late.Status);
    }

    [Fact]
    public void A_cap_reached_on_the_friday_before_a_monday_holiday_moves_the_deadline_to_tuesday_17_00()
    {
        // Monday 16 February 2026 is the Day of the Restoration of the State.
        var form = Form(cap: 3) with
        {
            CapReachedAt = new DateTime(2026, 2, 13, 11, 20, 0),
        };
        Assert.Equal(new DateTime(2026, 2, 17, 17, 0, 0), form.Deadline);
        // A cap reached on the closing day's eve leaves the earlier original deadline.
        Assert.Equal(Closes, (form with { CapReachedAt = new DateTime(2026, 2, 26, 12, 0, 0) }).Deadline);
    }

    [Fact]
    public void Numbers_follow_the_calls_pattern_and_a_pattern_without_a_number_is_refused()
    {
        Assert.Equal("NVOK-2026-0001", Form().Number(2026, 1));
        Assert.Equal("NVOK-2026-0125", Form().Number(2026, 125));
        var bad = Assert.Throws<DomainException>(() => (Form() with { NumberPattern = "NVOK-{year}" }).Validated());
        Assert.Equal(("NumberPatternInvalid", "NumberPattern"), (bad.Code, bad.Field));
    }

    [Fact]
    public void Income_of_999_99_against_a_1_000_00_threshold_fails_and_1_000_00_passes()
    {
        var rule = new EligibilityRule(EligibilityRuleKind.MinimumIncome, 1_000m, 2023);
        var below = rule.Assess(new EligibilityDeclaration(Income: 999.99m));
        Assert.Equal(CheckMark.Failed, below.Mark);
        Assert.Equal("Eligibility.IncomeBelow", below.Reason);
        Assert.Equal([2023, 999.99m, 1_000m], below.Args!);
        Assert.Equal(CheckMark.Passed, rule.Assess(new EligibilityDeclaration(Income: 1_000.00m)).Mark);
        Assert.Equal(CheckMark.Failed, rule.Assess(EligibilityDeclaration.Empty).Mark);
        var ngo = new EligibilityRule(EligibilityRuleKind.NgoMark);
        Assert.Equal(CheckMark.Failed, ngo.Assess(new EligibilityDeclaration(NgoMark: false)).Mark);
        var liquidation = new EligibilityRule(EligibilityRuleKind.NotInLiquidation);
        Assert.Equal(
            "Eligibility.InLiquidation",
            liquidation.Assess(new EligibilityDeclaration(InLiquidation: true)).Reason
        );
    }

    [Fact]
    public void The_checklist_names_each_missing_section_declaration_and_attachment()
    {
        var missing = ApplicationContent.Empty.Missing(Form(), []);
        Assert.Equal(
            ["Title", "Period", "Goal", "Objectives", "Budget", "Declaration.Income", "Attachment:Statutes"],
            missing
        );
        Assert.Empty(Complete().Missing(Form(), ["Statutes"]));
    }

    [Fact]
    public void An_incomplete_application_or_one_outside_the_calls_bounds_is_not_submitted()
    {
        var call = Call();
        var form = Form();
        var during = new DateTime(2026, 2, 2, 10, 0, 0);
        var noStatutes = Application.Draft(call.Id, Guid.NewGuid(), Complete().Validated(call), during);
        var incomplete = Assert.Throws<DomainException>(() => Submit(noStatutes, call, form, during, []));
        Assert.Equal(("ApplicationIncomplete", "Attachment:Statutes"), (incomplete.Code, incomplete.Field));
        foreach (var amount in new[] { 2_999m, 25_001m })
        {
            var application = Application.Draft(call.Id, Guid.NewGuid(), Complete(amount).Validated(call), during);
            var refused = Assert.Throws<DomainException>(() => Submit(application, call, form, during));
            Assert.Equal(("RequestedOutOfBounds", "Budget"), (refused.Code, refused.Field));
            Assert.Null(application.Number);
        }
        var fine = Application.Draft(call.Id, Guid.NewGuid(), Complete(25_000m).Validated(call), during);
        var version = Submit(fine, call, form, during);
        Assert.Equal((1, "NVOK-2020-0001", ApplicationStatus.Submitted), (version.Number, fine.Number, fine.Status));
        Assert.Equal(25_000m, version.Content.Requested);
        Assert.Throws<DomainException>(() => fine.Revise(Complete(3_000m).Validated(call), version.Content));
    }

    [Fact]
    public void A_clarification_lets_only_the_named_items_change_and_the_resubmission_is_a_new_version()
    {
        var call = Call();
        var form = Form();
        var during = new DateTime(2026, 2, 2, 10, 0, 0);
        var application = Application.Draft(call.Id, Guid.NewGuid(), Complete().Validated(call), during);
        var first = Submit(application, call, form, during);
        application.RequestClarification(
            form,
            ["Attachment:Statutes", "Goal"],
            "Pridėkite pasirašytus įstatus.",
            new DateOnly(2026, 3, 2)
        );
        Assert.Equal(ApplicationStatus.ClarificationRequested, application.Status);
        Assert.Equal(new DateOnly(2026, 3, 9), application.ClarificationDue); // 5 working days
        var budget = Complete(12_000m).Validated(call);
        var outside = Assert.Throws<DomainException>(() => application.Revise(budget, first.Content));
        Assert.Equal(("OnlyRequestedItems", "Budget"), (outside.Code, outside.Field));
        application.EnsureAttachmentEditable("Statutes");
        var goal = Complete().Validated(call) with
        {
            Plan = Complete().Plan with { Goal = "Įtraukti jaunimą ir senjorus į savanorystę" },
        };
        application.Revise(goal, first.Content);
        // After the call's deadline, but within the clarification's days.
        var second = Submit(application, call, form, new DateTime(2026, 3, 5, 16, 0, 0));
        Assert.Equal(2, second.Number);
        Assert.Equal(["Goal"], ApplicationContent.Changed(first.Content, second.Content));
        Assert.Equal("NVOK-2020-0001", application.Number);
    }

    [Fact]
    public void An_unmarked_income_rule_below_the_threshold_makes_the_application_ineligible_with_that_reason()
    {
        var call = Call();
        var form = Form();
        var during = new DateTime(2026, 2, 2, 10, 0, 0);
        var application = Application.Draft(call.Id, Guid.NewGuid(), Complete(income: 999.99m).Validated(call), during);
        Submit(application, call, form, during);
        application.RecordCheck(
            form,
            [new CheckEntry("Attachment:Statutes", CheckMark.Passed, null, "Patikrinta su JAR.")]
        );
        application.Decide(form, during, v => v is decimal d ? LtFormat.Eur(d) : v.ToString()!);
        Assert.Equal(ApplicationStatus.Ineligible, application.Status);
        var failed = Assert.Single(application.Outcomes, o => o.Mark == CheckMark.Failed);
        Assert.Equal(("Rule:MinimumIncome", "Eligibility.IncomeBelow"), (failed.Item, failed.Reason));
        Assert.Equal(["2025", LtFormat.Eur(999.99m), LtFormat.Eur(1_000m)], failed.Args);
        var unknown = Assert.Throws<DomainException>(() =>
            application.Withdraw() // ineligible: nothing to withdraw
        );
        Assert.Equal("CannotWithdraw", unknown.Code);
    }

    [Fact]
    public void The_applicant_withdraws_until_evaluation_starts()
    {
        var call = Call();
        var application = Application.Draft(call.Id, Guid.NewGuid(), Complete().Validated(call), Opens);
        application.Withdraw();
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Throws<DomainException>(() => application.Revise(Complete().Validated(call), null));
    }
}
