using Talka.Domain.Agreements;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Payments;
using Talka.Domain.Reports;

namespace Talka.Domain.Tests;

/// <summary>The payment rules: the default schedule from the call's advance and the project's reports, release only
/// by rule and within what is left of the grant, payment only after approval, and the agreement's lifecycle.</summary>
public sealed class PaymentTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static PaymentSchedule.ReportSlot Slot(ReportKind kind, int month) =>
        new(
            Guid.NewGuid(),
            kind,
            new DateOnly(2026, month, 1).AddMonths(1).AddDays(-1),
            new DateOnly(2026, month, 1).AddMonths(1).AddDays(4)
        );

    [Fact]
    public void The_default_schedule_pays_the_advance_on_signature_a_tranche_after_each_quarter_and_the_rest_after_the_final_report()
    {
        var reports = new[]
        {
            Slot(ReportKind.QuarterlyFinancial, 3),
            Slot(ReportKind.QuarterlyFinancial, 6),
            Slot(ReportKind.QuarterlyFinancial, 9),
            Slot(ReportKind.QuarterlyFinancial, 12),
            Slot(ReportKind.Activity, 6),
            Slot(ReportKind.Final, 12),
        };
        var plan = PaymentSchedule.Default(25_000.01m, 30m, Today, reports);
        // 30 % advance; the last quarter's report comes with the final one: 3 interim tranches and the final.
        Assert.Equal(
            [
                (7_500.00m, PaymentRule.OnSignature),
                (4_375.00m, PaymentRule.AfterReport),
                (4_375.00m, PaymentRule.AfterReport),
                (4_375.00m, PaymentRule.AfterReport),
                (4_375.01m, PaymentRule.AfterFinalReport),
            ],
            plan.Select(t => (t.Amount, t.Rule))
        );
        Assert.Equal(25_000.01m, plan.Sum(t => t.Amount));
        Assert.Equal(reports[0].Id, plan[1].ReportId);
        Assert.Equal(reports[0].Due.AddDays(10), plan[1].PlannedOn);
    }

    [Fact]
    public void Without_reports_everything_is_paid_on_signature_and_a_bad_percentage_is_refused()
    {
        var plan = PaymentSchedule.Default(10_000m, 30m, Today, []);
        Assert.Equal([3_000m, 7_000m], plan.Select(t => t.Amount));
        Assert.All(plan, t => Assert.Equal(PaymentRule.OnSignature, t.Rule));
        Assert.Equal(
            "PercentRange",
            Assert.Throws<DomainException>(() => PaymentSchedule.Default(10_000m, 101m, Today, [])).Code
        );
    }

    [Fact]
    public void A_tranche_is_approved_only_when_its_rule_is_met_and_it_fits_what_is_left()
    {
        var project = Guid.NewGuid();
        var advance = new Tranche(project, 1, new TrancheInput(3_000m, Today, PaymentRule.OnSignature));
        var final = new Tranche(project, 2, new TrancheInput(7_000m, Today, PaymentRule.AfterFinalReport));
        Assert.Equal(TrancheState.Planned, final.StateWhen(false));
        Assert.Equal(TrancheState.Eligible, final.StateWhen(true));

        var notMet = Assert.Throws<DomainException>(() =>
            final.Approve(false, 10_000m, "admin", DateTimeOffset.UtcNow)
        );
        Assert.Equal(("TrancheRuleNotMet", "Approved"), (notMet.Code, notMet.Field));

        advance.Approve(
            true,
            PaymentSchedule.Available(10_000m, [advance, final], advance),
            "admin",
            DateTimeOffset.UtcNow
        );
        Assert.Equal(7_000m, PaymentSchedule.Available(10_000m, [advance, final], final));
        // 6 999,99 € left: a 7 000 € tranche does not fit.
        var over = Assert.Throws<DomainException>(() => final.Approve(true, 6_999.99m, "admin", DateTimeOffset.UtcNow));
        Assert.Equal(("TrancheOverAvailable", 7_000m, 6_999.99m), (over.Code, over.Args[0], over.Args[1]));
        Assert.Throws<DomainException>(() => advance.Revise(new TrancheInput(1m, Today, PaymentRule.OnSignature)));
    }

    [Fact]
    public void In_an_80_20_split_the_second_tranche_waits_for_the_interim_report_and_cannot_be_approved_before()
    {
        var project = Guid.NewGuid();
        var interim = Guid.NewGuid();
        var first = new Tranche(project, 1, new TrancheInput(80_000m, Today, PaymentRule.OnSignature));
        var second = new Tranche(project, 2, new TrancheInput(20_000m, Today, PaymentRule.AfterReport, interim));
        first.Approve(
            true,
            PaymentSchedule.Available(100_000m, [first, second], first),
            "admin",
            DateTimeOffset.UtcNow
        );
        first.Pay(Today, "MN-1", Today);
        // The interim report is not approved yet: the tranche stays planned and is refused.
        var reportApproved = false;
        Assert.Equal(TrancheState.Planned, second.StateWhen(reportApproved));
        Assert.Equal(
            "TrancheRuleNotMet",
            Assert
                .Throws<DomainException>(() =>
                    second.Approve(
                        reportApproved,
                        PaymentSchedule.Available(100_000m, [first, second], second),
                        "admin",
                        DateTimeOffset.UtcNow
                    )
                )
                .Code
        );
        // Approved, it is eligible and fits exactly what is left.
        reportApproved = true;
        Assert.Equal(TrancheState.Eligible, second.StateWhen(reportApproved));
        Assert.Equal(20_000m, PaymentSchedule.Available(100_000m, [first, second], second));
        second.Approve(reportApproved, 20_000m, "admin", DateTimeOffset.UtcNow);
        Assert.Equal(TrancheState.Approved, second.StateWhen(reportApproved));
    }

    [Fact]
    public void A_tranche_is_paid_only_after_approval_with_a_payment_order_and_a_paid_one_cannot_be_cancelled()
    {
        var tranche = new Tranche(Guid.NewGuid(), 1, new TrancheInput(100m, Today, PaymentRule.OnSignature));
        Assert.Equal(
            "TrancheNotApproved",
            Assert.Throws<DomainException>(() => tranche.Pay(Today, "MN-1", Today)).Code
        );
        tranche.Approve(true, 100m, "admin", DateTimeOffset.UtcNow);
        Assert.Equal("Required", Assert.Throws<DomainException>(() => tranche.Pay(Today, " ", Today)).Code);
        Assert.Equal(
            "DateInFuture",
            Assert.Throws<DomainException>(() => tranche.Pay(Today.AddDays(1), "MN-1", Today)).Code
        );
        tranche.Pay(Today, "MN-1", Today);
        Assert.Equal(TrancheState.Paid, tranche.StateWhen(true));
        Assert.Equal("TranchePaidOrCancelled", Assert.Throws<DomainException>(() => tranche.Cancel("klaida")).Code);
    }

    [Fact]
    public void A_schedule_never_plans_more_than_the_grant_cancelled_tranches_aside()
    {
        var project = Guid.NewGuid();
        var a = new Tranche(project, 1, new TrancheInput(6_000m, Today, PaymentRule.OnSignature));
        var b = new Tranche(project, 2, new TrancheInput(5_000m, Today, PaymentRule.OnSignature));
        var refused = Assert.Throws<DomainException>(() => PaymentSchedule.EnsureWithinGrant(10_000m, [a, b]));
        Assert.Equal(("ScheduleOverGrant", 11_000m, 10_000m), (refused.Code, refused.Args[0], refused.Args[1]));
        b.Cancel("Perplanuota");
        PaymentSchedule.EnsureWithinGrant(10_000m, [a, b]);
        Assert.Equal(
            "AmountZero",
            Assert
                .Throws<DomainException>(() =>
                    new Tranche(project, 3, new TrancheInput(0m, Today, PaymentRule.OnSignature))
                )
                .Code
        );
        Assert.Equal(
            "Required",
            Assert
                .Throws<DomainException>(() =>
                    new Tranche(project, 3, new TrancheInput(1m, Today, PaymentRule.AfterReport))
                )
                .Code
        );
    }

    [Fact]
    public void An_agreement_goes_from_draft_to_sent_to_active_when_signed_and_ends_when_terminated()
    {
        var call = Build.Call();
        var draft = new Agreement(
            Guid.NewGuid(),
            call,
            new AgreementDetails(null, null, call.ProjectPeriodStart, call.ProjectPeriodEnd, null, [])
        );
        Assert.Equal(AgreementStatus.Draft, draft.Status);
        Assert.Equal(("Required", "Number"), Code(() => draft.SendForSignature()));
        draft.Update(
            call,
            new AgreementDetails(
                "A-1",
                null,
                call.ProjectPeriodStart,
                call.ProjectPeriodEnd,
                call.MinGrant ?? 1_000m,
                []
            )
        );
        draft.SendForSignature();
        Assert.Equal(AgreementStatus.SentForSignature, draft.Status);
        Assert.False(draft.IsSigned);
        Assert.Equal(("DateInFuture", "SignedOn"), Code(() => draft.Sign(Today.AddDays(1), "Direktorė", Today)));
        Assert.Equal(("Required", "Signatories"), Code(() => draft.Sign(Today, "", Today)));
        draft.Sign(Today, "Direktorė; pirmininkas", Today);
        Assert.Equal((AgreementStatus.Active, Today), (draft.Status, draft.SignedOn!.Value));
        Assert.True(draft.IsSigned);
        Assert.Equal(("Required", "TerminationReason"), Code(() => draft.Terminate(Today, null)));
        draft.Terminate(Today, "Esminiai pažeidimai");
        Assert.Equal(AgreementStatus.Terminated, draft.Status);
        Assert.False(draft.IsSigned);
        Assert.Equal(("AgreementEnded", "Status"), Code(() => draft.Terminate(Today, "Dar kartą")));
    }

    [Fact]
    public void Paid_100_000_admitted_95_000_is_a_recovery_of_5_000_due_10_january_of_the_next_year()
    {
        var settlement = new Settlement(
            [
                new SettlementLine(Domain.Finance.CostCategory.Personnel, 80_000m, 0m),
                // Recoverable VAT is disallowed.
                new SettlementLine(Domain.Finance.CostCategory.EventsAndTraining, 20_000m, 5_000m),
            ],
            100_000m,
            100_000m,
            RecoveryDay.Default.After(new DateOnly(2024, 12, 31))
        );
        Assert.Equal(
            (95_000m, -5_000m, 0m, 5_000m, new DateOnly(2025, 1, 10)),
            (
                settlement.Admitted,
                settlement.Balance,
                settlement.FinalPayment,
                settlement.Recovery,
                settlement.RecoveryDue
            )
        );
        // Expenses above the grant are admitted up to the grant only; what was not yet paid is the final payment.
        var over = new Settlement([new(Domain.Finance.CostCategory.Personnel, 120_000m, 0m)], 100_000m, 70_000m, Today);
        Assert.Equal((100_000m, 30_000m, 0m), (over.Admitted, over.FinalPayment, over.Recovery));
    }

    [Fact]
    public void A_recovery_takes_partial_repayments_never_more_than_outstanding_and_is_settled_when_repaid_or_written_off()
    {
        var recovery = new Recovery(Guid.NewGuid(), 5_000m, new DateOnly(2025, 1, 10));
        Assert.True(recovery.Overdue(new DateOnly(2025, 1, 11)));
        recovery.Repay(new DateOnly(2025, 1, 5), 2_000m, Today);
        var over = Assert.Throws<DomainException>(() => recovery.Repay(Today, 3_000.01m, Today));
        Assert.Equal(("RepaymentOverOutstanding", 3_000.01m, 3_000m), (over.Code, over.Args[0], over.Args[1]));
        recovery.ReferToCourt(Today, "Vilniaus apylinkės teismas");
        Assert.False(recovery.Settled);
        recovery.Repay(Today, 3_000m, Today);
        Assert.Equal((0m, true), (recovery.Outstanding, recovery.Settled));
        Assert.Equal("RecoverySettled", Assert.Throws<DomainException>(() => recovery.WriteOff("Bankrotas")).Code);

        var lost = new Recovery(Guid.NewGuid(), 100m, Today);
        lost.WriteOff("Organizacija likviduota");
        Assert.True(lost.Settled);
    }

    private static (string, string?) Code(Action action)
    {
        var error = Assert.Throws<DomainException>(action);
        return (error.Code, error.Field);
    }
}
