using Talka.Domain.Common;

namespace Talka.Domain.Payments;

/// <summary>
/// One payment of a project's grant (an advance or a tranche): planned with a release rule, approved by a funder
/// admin once the rule is met and the amount fits what is still available, then paid (the day and the payment order's
/// number) or cancelled with a reason. A tranche whose rule is not met is never approved, and a planned tranche is
/// the only one that changes.
/// </summary>
public sealed class Tranche : IVersioned
{
    private Tranche() { }

    public Tranche(Guid projectId, int number, TrancheInput input)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Number = number;
        Apply(input);
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Number { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly PlannedOn { get; private set; }
    public PaymentRule Rule { get; private set; }
    public Guid? ReportId { get; private set; }
    public bool Approved { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public string? PaymentOrder { get; private set; }
    public string? CancelReason { get; private set; }
    public int Version { get; set; }

    public bool Cancelled => CancelReason is not null;
    public bool Paid => PaidOn is not null;

    /// <summary>Counts against the grant: approved or paid.</summary>
    public bool Committed => !Cancelled && (Approved || Paid);

    public TrancheState StateWhen(bool ruleMet) =>
        Cancelled ? TrancheState.Cancelled
        : Paid ? TrancheState.Paid
        : Approved ? TrancheState.Approved
        : ruleMet ? TrancheState.Eligible
        : TrancheState.Planned;

    public void Revise(TrancheInput input)
    {
        if (Approved || Cancelled)
            throw new DomainException("TrancheNotPlanned", nameof(Amount), Number);
        Apply(input);
    }

    /// <param name="ruleMet">Whether the tranche's release rule holds now (read by the caller in the same
    /// transaction).</param>
    /// <param name="available">The grant less everything approved or paid, this tranche excluded.</param>
    public void Approve(bool ruleMet, decimal available, string by, DateTimeOffset at)
    {
        if (Approved || Cancelled)
            throw new DomainException("TrancheNotPlanned", nameof(Approved), Number);
        if (!ruleMet)
            throw new DomainException("TrancheRuleNotMet", nameof(Approved), Number);
        if (Amount > available)
            throw new DomainException("TrancheOverAvailable", nameof(Amount), Amount, Math.Max(0, available));
        Approved = true;
        ApprovedBy = by;
        ApprovedAt = at;
    }

    public void Pay(DateOnly paidOn, string? paymentOrder, DateOnly today)
    {
        if (!Approved || Cancelled || Paid)
            throw new DomainException("TrancheNotApproved", nameof(PaidOn), Number);
        if (paidOn > today)
            throw new DomainException("DateInFuture", nameof(PaidOn));
        PaymentOrder = Guard.Required(paymentOrder, nameof(PaymentOrder), 100);
        PaidOn = paidOn;
    }

    public void Cancel(string? reason)
    {
        if (Paid || Cancelled)
            throw new DomainException("TranchePaidOrCancelled", nameof(CancelReason), Number);
        CancelReason = Guard.Required(reason, nameof(CancelReason), 500);
    }

    private void Apply(TrancheInput input)
    {
        if (input.Amount <= 0)
            throw new DomainException("AmountZero", nameof(Amount));
        Guard.NonNegativeAmount(input.Amount, nameof(Amount));
        Rule = Guard.Defined(input.Rule, nameof(Rule));
        if (Rule == PaymentRule.AfterReport && input.ReportId is null)
            throw new DomainException("Required", nameof(ReportId));
        Amount = input.Amount;
        PlannedOn = input.PlannedOn ?? throw new DomainException("Required", nameof(PlannedOn));
        ReportId = Rule == PaymentRule.AfterReport ? input.ReportId : null;
    }
}
