using Talka.Domain.Agreements;
using Talka.Domain.Common;
using Talka.Domain.Finance;

namespace Talka.Domain.Tests;

/// <summary>The amendment rules: a reallocation within the threshold is recorded at once, above it waits for a
/// decision; the amount needs a decision and never goes below what is paid; the period stays inside the call; a
/// decided amendment does not change again.</summary>
public sealed class AmendmentTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static Amendment.Terms Terms(decimal committed = 12_000m, decimal planned = 30_000m) =>
        new(
            40_000m,
            committed,
            planned,
            new DateOnly(2026, 1, 1),
            new DateOnly(2026, 12, 31),
            new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30)),
            new Dictionary<CostCategory, decimal>
            {
                [CostCategory.Personnel] = 30_000m,
                [CostCategory.EventsAndTraining] = 10_000m,
            },
            10m
        );

    private static Amendment Ask(AmendmentChange change, Amendment.Terms? terms = null, int approved = 0) =>
        Amendment.Request(
            Guid.NewGuid(),
            1,
            change,
            "Pasikeitė poreikiai",
            false,
            "ssi@demo.talka.lt",
            At,
            terms ?? Terms(),
            approved
        );

    [Fact]
    public void Moving_up_to_10_percent_of_a_category_is_recorded_at_once_and_more_waits_for_a_decision()
    {
        var small = Ask(
            new AmendmentChange(
                AmendmentKind.BudgetReallocation,
                CostCategory.Personnel,
                CostCategory.EventsAndTraining,
                3_000m
            )
        );
        Assert.Equal(
            (AmendmentState.Approved, 2, 30_000m, 10_000m),
            (small.State, small.AgreementVersion!.Value, small.FromBefore!.Value, small.ToBefore!.Value)
        );
        var large = Ask(
            new AmendmentChange(
                AmendmentKind.BudgetReallocation,
                CostCategory.Personnel,
                CostCategory.EventsAndTraining,
                3_000.01m
            ),
            approved: 1
        );
        Assert.Equal(AmendmentState.Requested, large.State);
        large.Review();
        large.Decide(true, "admin@demo.talka.lt", At, null, 1, Terms());
        Assert.Equal((AmendmentState.Approved, 3), (large.State, large.AgreementVersion!.Value));
        var error = Assert.Throws<DomainException>(() =>
            Ask(
                new AmendmentChange(
                    AmendmentKind.BudgetReallocation,
                    CostCategory.EventsAndTraining,
                    CostCategory.Personnel,
                    10_000.01m
                )
            )
        );
        Assert.Equal(("ReallocationOverCategory", "Moved"), (error.Code, error.Field));
    }

    [Fact]
    public void A_reallocation_of_8_percent_passes_without_approval_and_one_of_12_percent_needs_it()
    {
        // Personnel is 30 000 €: 8 % is 2 400 €, 12 % is 3 600 €.
        var eight = Ask(
            new AmendmentChange(
                AmendmentKind.BudgetReallocation,
                CostCategory.Personnel,
                CostCategory.EventsAndTraining,
                2_400m
            )
        );
        Assert.Equal(AmendmentState.Approved, eight.State);
        Assert.Equal(2, eight.AgreementVersion);
        var twelve = Ask(
            new AmendmentChange(
                AmendmentKind.BudgetReallocation,
                CostCategory.Personnel,
                CostCategory.EventsAndTraining,
                3_600m
            )
        );
        Assert.Equal(AmendmentState.Requested, twelve.State);
        Assert.Null(twelve.AgreementVersion);
    }

    [Fact]
    public void An_indicators_target_and_an_activitys_description_wait_for_a_decision_and_keep_what_stood_before()
    {
        var indicator = Guid.NewGuid();
        var activity = Guid.NewGuid();
        var terms = Terms() with
        {
            Plan = new Dictionary<Guid, Amendment.PlanRow>
            {
                [indicator] = new("Mokymų dalyviai", 100m, null),
                [activity] = new("Mokymai tėvams", null, "6 mokymai"),
            },
        };
        var target = Ask(new AmendmentChange(AmendmentKind.Indicators, IndicatorId: indicator, NewTarget: 80m), terms);
        Assert.Equal((AmendmentState.Requested, "Mokymų dalyviai"), (target.State, target.PlanItem));
        target.Decide(true, "admin", At, null, 0, terms);
        Assert.Equal(
            (100m, 80m, 2),
            (target.TargetBefore!.Value, target.NewTarget!.Value, target.AgreementVersion!.Value)
        );
        var scope = Ask(
            new AmendmentChange(AmendmentKind.Activities, ActivityId: activity, NewActivityDescription: "4 mokymai"),
            terms,
            1
        );
        scope.Decide(true, "admin", At, null, 1, terms);
        Assert.Equal(("6 mokymai", 3), (scope.ActivityDescriptionBefore, scope.AgreementVersion!.Value));

        // An activity is not an indicator, a target is not negative, and an activity's change says what it becomes.
        Assert.Equal(
            "UnknownRow",
            Assert
                .Throws<DomainException>(() =>
                    Ask(new AmendmentChange(AmendmentKind.Indicators, IndicatorId: activity, NewTarget: 5m), terms)
                )
                .Code
        );
        Assert.Equal(
            "TargetNegative",
            Assert
                .Throws<DomainException>(() =>
                    Ask(new AmendmentChange(AmendmentKind.Indicators, IndicatorId: indicator, NewTarget: -1m), terms)
                )
                .Code
        );
        Assert.Equal(
            ("Required", "NewActivityDescription"),
            Code(() => Ask(new AmendmentChange(AmendmentKind.Activities, ActivityId: activity), terms))
        );
        // Without a row, a change of activities is described in words.
        Assert.Equal(
            ("Required", "Description"),
            Code(() => Ask(new AmendmentChange(AmendmentKind.Activities), terms))
        );
    }

    private static (string, string?) Code(Action action)
    {
        var error = Assert.Throws<DomainException>(action);
        return (error.Code, error.Field);
    }

    [Fact]
    public void A_new_amount_needs_its_decision_and_never_goes_below_what_is_paid_or_approved()
    {
        Assert.Equal(
            "Decision",
            Assert
                .Throws<DomainException>(() => Ask(new AmendmentChange(AmendmentKind.Amount, NewAmount: 35_000m)))
                .Field
        );
        var below = Assert.Throws<DomainException>(() =>
            Ask(new AmendmentChange(AmendmentKind.Amount, NewAmount: 11_999.99m, Decision: "A1-77"))
        );
        Assert.Equal(("AmountBelowPaid", 11_999.99m, 12_000m), (below.Code, below.Args[0], below.Args[1]));
        var amendment = Ask(new AmendmentChange(AmendmentKind.Amount, NewAmount: 35_000m, Decision: "A1-77"));
        // Checked again when decided: meanwhile 36 000 € were paid.
        var later = Assert.Throws<DomainException>(() =>
            amendment.Decide(true, "admin", At, null, 0, Terms(36_000m, 36_000m))
        );
        Assert.Equal("AmountBelowPaid", later.Code);
        // Nor below the payment schedule, which is changed first.
        var schedule = Assert.Throws<DomainException>(() =>
            amendment.Decide(true, "admin", At, null, 0, Terms(planned: 40_000m))
        );
        Assert.Equal(("AmountBelowSchedule", 35_000m, 40_000m), (schedule.Code, schedule.Args[0], schedule.Args[1]));
        amendment.Decide(true, "admin", At, null, 0, Terms());
        Assert.Equal((AmendmentState.Approved, 40_000m), (amendment.State, amendment.AmountBefore!.Value));
    }

    [Fact]
    public void A_new_end_stays_inside_the_calls_period_a_rejection_needs_a_note_and_a_decided_amendment_stays_decided()
    {
        var outside = Assert.Throws<DomainException>(() =>
            Ask(new AmendmentChange(AmendmentKind.Period, NewEnd: new DateOnly(2027, 7, 1)))
        );
        Assert.Equal(("AmendedEndOutside", "NewEnd"), (outside.Code, outside.Field));
        var longer = Ask(new AmendmentChange(AmendmentKind.Period, NewEnd: new DateOnly(2027, 3, 31)));
        Assert.Equal(
            "DecisionNote",
            Assert.Throws<DomainException>(() => longer.Decide(false, "admin", At, " ", 0, Terms())).Field
        );
        longer.Decide(false, "admin", At, "Konkurso sąlygos to neleidžia", 0, Terms());
        Assert.Equal(AmendmentState.Rejected, longer.State);
        Assert.Equal("AmendmentDecided", Assert.Throws<DomainException>(longer.Withdraw).Code);
        var described = Ask(
            new AmendmentChange(AmendmentKind.Activities, Description: "Vietoj 2 seminarų – 3 trumpesni")
        );
        described.Withdraw();
        Assert.Equal(AmendmentState.Withdrawn, described.State);
        Assert.Equal(
            "Description",
            Assert.Throws<DomainException>(() => Ask(new AmendmentChange(AmendmentKind.Indicators))).Field
        );
    }
}
