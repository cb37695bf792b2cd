using Talka.Domain.Common;

namespace Talka.Domain.Payments;

/// <summary>A repayment of a recovery: the day and the amount.</summary>
public sealed record Repayment(DateOnly On, decimal Amount);

/// <summary>
/// Money the organisation owes back after the settlement: the amount and the day it is due; repayments (also partial)
/// until nothing is outstanding, a referral to court, or a write-off with a reason. Settled when nothing is
/// outstanding or it is written off.
/// </summary>
public sealed class Recovery : IVersioned
{
    private readonly List<Repayment> _repayments = [];

    private Recovery() { }

    public Recovery(Guid projectId, decimal amount, DateOnly dueOn)
    {
        if (amount <= 0)
            throw new DomainException("AmountZero", nameof(Amount));
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Amount = Guard.NonNegativeAmount(amount, nameof(Amount));
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly DueOn { get; private set; }
    public IReadOnlyList<Repayment> Repayments => _repayments;
    public DateOnly? CourtOn { get; private set; }
    public string? CourtNote { get; private set; }
    public string? WriteOffReason { get; private set; }
    public int Version { get; set; }

    public decimal Repaid => _repayments.Sum(r => r.Amount);
    public decimal Outstanding => Amount - Repaid;
    public bool Settled => Outstanding == 0 || WriteOffReason is not null;

    public bool Overdue(DateOnly today) => !Settled && today > DueOn;

    /// <summary>The reminder the day calls for while money is outstanding: once within a week of the due day, then
    /// the day after it and weekly (the reports' rule); none once settled. A referral to court does not stop
    /// them: the money is still owed.</summary>
    public Reports.ReportReminder? Reminder(DateOnly today) =>
        Settled ? null : Reports.ReportReminder.ForDue(DueOn, today);

    public void Repay(DateOnly? on, decimal amount, DateOnly today)
    {
        EnsureOpen();
        var day = on ?? throw new DomainException("Required", "RepaidOn");
        if (day > today)
            throw new DomainException("DateInFuture", "RepaidOn");
        if (amount <= 0)
            throw new DomainException("AmountZero", nameof(Amount));
        Guard.NonNegativeAmount(amount, nameof(Amount));
        if (amount > Outstanding)
            throw new DomainException("RepaymentOverOutstanding", nameof(Amount), amount, Outstanding);
        _repayments.Add(new Repayment(day, amount));
    }

    public void ReferToCourt(DateOnly? on, string? note)
    {
        EnsureOpen();
        CourtOn = on ?? throw new DomainException("Required", nameof(CourtOn));
        CourtNote = Guard.Optional(note, nameof(CourtNote), 1000);
    }

    public void WriteOff(string? reason)
    {
        EnsureOpen();
        WriteOffReason = Guard.Required(reason, nameof(WriteOffReason), 1000);
    }

    private void EnsureOpen()
    {
        if (Settled)
            throw new DomainException("RecoverySettled", nameof(Amount));
    }
}
